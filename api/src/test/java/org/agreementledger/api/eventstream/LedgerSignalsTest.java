package org.agreementledger.api.eventstream;

import org.agreementledger.api.eventstream.LedgerSignals.Signal;
import org.agreementledger.api.support.HttpContractTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes' signals on one PostgreSQL: what one announces, its own subscribers and the other node's hear. */
class LedgerSignalsTest extends HttpContractTest {

    @Autowired
    DataSource dataSource;

    @Test
    void anAnnouncementReachesThisNodeAtOnceAndTheOtherNodeThroughPostgres() throws InterruptedException {
        LedgerSignals nodeA = new LedgerSignals(dataSource);
        LedgerSignals nodeB = new LedgerSignals(dataSource);
        Semaphore heardOnA = new Semaphore(0);
        Semaphore eventsHeardOnB = new Semaphore(0);
        Semaphore tokensHeardOnB = new Semaphore(0);
        nodeA.subscribe(Signal.EVENTS_COMMITTED, heardOnA::release);
        nodeB.subscribe(Signal.EVENTS_COMMITTED, eventsHeardOnB::release);
        nodeB.subscribe(Signal.TOKENS_MOVED, tokensHeardOnB::release);
        nodeA.start();
        nodeB.start();
        try {
            // each node signals everything once when it starts listening, for what it may have missed
            assertThat(eventsHeardOnB.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(tokensHeardOnB.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(heardOnA.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

            nodeA.announce(Signal.EVENTS_COMMITTED);

            assertThat(heardOnA.tryAcquire(0, TimeUnit.SECONDS)).as("this node hears it at once").isTrue();
            assertThat(eventsHeardOnB.tryAcquire(10, TimeUnit.SECONDS)).as("the other node hears it").isTrue();
            assertThat(tokensHeardOnB.availablePermits()).as("only what was announced").isZero();
            assertThat(heardOnA.tryAcquire(1, TimeUnit.SECONDS)).as("a node does not hear itself again").isFalse();
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
    }
}
