package org.agreementledger.api.eventstream;

import org.agreementledger.api.eventstream.LedgerSignals.Signal;
import org.agreementledger.projections.agreement.ProjectionBatches;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What announces the ledger's signals ({@link LedgerSignals}): a transaction that appends events, and
 * a batch of the read side (which stores its token), each once, after its commit.
 */
@Component
class CommitAnnouncements {

    CommitAnnouncements(EventStore eventStore, ProjectionBatches batches, LedgerSignals signals) {
        eventStore.registerDispatchInterceptor(events -> {
            afterCommit(signals, Signal.EVENTS_COMMITTED);
            return (index, event) -> event;
        });
        batches.afterEachCommit(() -> signals.announce(Signal.TOKENS_MOVED));
    }

    /** Once per transaction, after it committed: only then can another session see what it wrote. */
    private static void afterCommit(LedgerSignals signals, Signal signal) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            signals.announce(signal);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(signal)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(signal, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(signal);
                if (status == STATUS_COMMITTED) {
                    signals.announce(signal);
                }
            }
        });
    }
}
