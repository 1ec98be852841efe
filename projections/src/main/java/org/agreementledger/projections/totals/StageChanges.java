package org.agreementledger.projections.totals;

import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;

import java.util.List;

import static org.agreementledger.projections.totals.StageChange.enters;
import static org.agreementledger.projections.totals.StageChange.leaves;

/** The stages an event moves its agreement in and out of: the brief's definition of the totals, as code. */
public final class StageChanges {

    private StageChanges() {
    }

    /**
     * @param facts the agreement's facts once the event has happened ({@link TotalsFacts#after})
     */
    public static List<StageChange> causedBy(AgreementEvent event, TotalsFacts facts) {
        int proposalYear = facts.proposedOn().getYear();
        if (event instanceof AgreementProposed) {
            return List.of(enters(Stage.PENDING, proposalYear));
        }
        if (event instanceof AgreementFullySigned fullySigned) {
            return List.of(leaves(Stage.PENDING, proposalYear), enters(Stage.SIGNED, fullySigned.signedOn().getYear()));
        }
        if (event instanceof AgreementDeclined || event instanceof AgreementWithdrawn) {
            return List.of(leaves(Stage.PENDING, proposalYear));
        }
        if (event instanceof AgreementCertified certified) {
            // it stays in SIGNED: that stage counts every agreement that was ever fully signed
            return List.of(enters(Stage.CERTIFIED, certified.certifiedOn().getYear()));
        }
        if (event instanceof CertificationRevoked) {
            return List.of(leaves(Stage.CERTIFIED, facts.certifiedOn().getYear()));
        }
        // one party's signature moves no stage: the agreement is pending until every party has signed
        return List.of();
    }
}
