package org.agreementledger.api.web.admin;

import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.reconciliation.ProcessorPositions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.agreementledger.api.support.GatewayCommands.party;
import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.agreementledger.api.support.ReadSide.totals;
import static org.agreementledger.ledger.domain.CooperationKind.INDUSTRY;
import static org.agreementledger.ledger.domain.Money.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions take their global index when they insert and may commit out of order. An event
 * whose transaction stays open while later events commit is a gap the processor passes; it must
 * still be projected once it commits.
 */
class GapsInGlobalSequenceTest extends ReadSideIntegrationTest {

    private static final Party URUMQI = party("G-URUMQI", "Urumqi", "CN");
    private static final Party ALMATY = party("G-ALMATY", "Almaty", "KZ");
    private static final int WRITERS = 3;
    private static final int PROPOSALS_PER_WRITER = 5;

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProcessorPositions positions;

    @Test
    void anEventCommittedAfterLaterEventsIsStillProjected() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicLong slowIndex = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<UUID> slow = threads.submit(() -> transaction.execute(status -> {
                UUID id = commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("1.00", "CNY"),
                        LocalDate.of(2024, 8, 20), URUMQI, ALMATY);
                slowIndex.set(jdbc.queryForObject(
                        "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                        id.toString()));
                appended.countDown();
                awaitQuietly(commit);
                return id;
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < PROPOSALS_PER_WRITER; i++) {
                        commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("10.00", "CNY"),
                                LocalDate.of(2024, 8, 21), URUMQI, ALMATY);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            int later = WRITERS * PROPOSALS_PER_WRITER;
            eventually(() -> assertThat(totals(client, "stage=pending&occasion=" + occasion).total())
                    .isEqualTo(Bucket.of(later, "CNY", later * 10 + ".00")));
            assertThat(positions.coverageOf(AgreementProjection.PROCESSING_GROUP).segments())
                    .as("the processor has passed the open transaction's index and keeps it as a gap")
                    .anySatisfy(position -> {
                        assertThat(position.token().getIndex()).isGreaterThan(slowIndex.get());
                        assertThat(position.token().getGaps()).contains(slowIndex.get());
                    });
            Thread.sleep(2_000);
            assertThat(totals(client, "stage=pending&occasion=" + occasion).total().count()).isEqualTo(later);

            commit.countDown();
            UUID slowId = slow.get(30, TimeUnit.SECONDS);

            eventually(() -> assertThat(totals(client, "stage=pending&occasion=" + occasion).total())
                    .isEqualTo(Bucket.of(later + 1, "CNY", later * 10 + 1 + ".00")));
            assertThat(client.get("registrar", "/api/agreements/" + slowId).status()).isEqualTo(200);
            reconcilesWithNothingLeftToProcess(client);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
