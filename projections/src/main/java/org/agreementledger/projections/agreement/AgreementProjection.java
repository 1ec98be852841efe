package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.projections.totals.BucketTally;
import org.agreementledger.projections.totals.TotalsWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Feeds the agreement read model and the totals from the ledger's events. Both are written in the
 * transaction of the event processor's batch, together with its token: a batch that fails leaves
 * nothing behind and is processed again, and an event is counted exactly once. The events of a batch
 * are collected and applied together when it commits ({@link ReadModelChanges}); those of one
 * agreement in order, in one segment, since the processor sequences them per aggregate.
 */
@Component
@ProcessingGroup(AgreementProjection.PROCESSING_GROUP)
public class AgreementProjection {

    public static final String PROCESSING_GROUP = "agreement-projection";
    private static final String CHANGES_OF_THE_BATCH = AgreementProjection.class.getName() + ".changes";

    private final AgreementRows agreements;
    private final TotalsWriter totals;

    AgreementProjection(AgreementRows agreements, TotalsWriter totals) {
        this.agreements = agreements;
        this.totals = totals;
    }

    @EventHandler
    void on(AgreementEvent event, @SequenceNumber long sequenceNumber) {
        changesOfTheBatch().add(event, sequenceNumber);
    }

    /** Changes to apply to the read model's tables, for a rebuild that feeds events itself. */
    public ReadModelChanges newChanges() {
        return new ReadModelChanges(agreements);
    }

    private ReadModelChanges changesOfTheBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(CHANGES_OF_THE_BATCH, key -> {
            ReadModelChanges changes = newChanges();
            batch.onPrepareCommit(committing -> {
                BucketTally tally = new BucketTally();
                changes.applyCounting(tally);
                totals.write(tally);
            });
            return changes;
        });
    }
}
