package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.projections.totals.StageChanges;
import org.agreementledger.projections.totals.TotalsFacts;
import org.agreementledger.projections.totals.TotalsWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.BooleanSupplier;

/**
 * Feeds the agreement read model and the totals from the ledger's events. Both are written in the
 * transaction of the event processor's batch, together with its token: a batch that fails leaves
 * nothing behind and is processed again, and an event is counted exactly once. Events of one
 * agreement are handled in order, in one segment, since the processor sequences them per aggregate.
 */
@Component
@ProcessingGroup(AgreementProjection.PROCESSING_GROUP)
public class AgreementProjection {

    public static final String PROCESSING_GROUP = "agreement-projection";

    private final AgreementViewTable agreements;
    private final TotalsWriter totals;

    public AgreementProjection(AgreementViewTable agreements, TotalsWriter totals) {
        this.agreements = agreements;
        this.totals = totals;
    }

    @EventHandler
    void on(AgreementProposed event, @SequenceNumber long sequenceNumber) {
        if (agreements.insert(event, sequenceNumber)) {
            TotalsFacts facts = TotalsFacts.of(event);
            totals.count(StageChanges.causedBy(event, facts), facts);
        }
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long sequenceNumber) {
        record(event, () -> agreements.recordSignature(event, sequenceNumber));
    }

    @EventHandler
    void on(AgreementFullySigned event, @SequenceNumber long sequenceNumber) {
        record(event, () -> agreements.recordFullySigned(event, sequenceNumber));
    }

    @EventHandler
    void on(AgreementDeclined event, @SequenceNumber long sequenceNumber) {
        record(event, () -> agreements.recordDecline(event, sequenceNumber));
    }

    @EventHandler
    void on(AgreementWithdrawn event, @SequenceNumber long sequenceNumber) {
        record(event, () -> agreements.recordWithdrawal(event, sequenceNumber));
    }

    @EventHandler
    void on(AgreementCertified event, @SequenceNumber long sequenceNumber) {
        record(event, () -> agreements.recordCertification(event, sequenceNumber));
    }

    @EventHandler
    void on(CertificationRevoked event, @SequenceNumber long sequenceNumber) {
        record(event, () -> agreements.recordRevocation(event, sequenceNumber));
    }

    /** A rebuild starts from empty tables; it runs in the transaction that resets the tokens. */
    @ResetHandler
    void reset() {
        totals.clear();
        agreements.clear();
    }

    /**
     * Records a later event of an agreement and, when it was new to the table, counts the stage
     * changes it causes, with the agreement's facts derived as the reconciliation derives them:
     * those before the event, followed by the event.
     */
    private void record(AgreementEvent event, BooleanSupplier recordInTable) {
        TotalsFacts before = agreements.totalsFactsOf(event.agreementId());
        if (recordInTable.getAsBoolean()) {
            TotalsFacts after = before.after(event);
            totals.count(StageChanges.causedBy(event, after), after);
        }
    }
}
