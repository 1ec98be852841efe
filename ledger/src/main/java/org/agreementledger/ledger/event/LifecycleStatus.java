package org.agreementledger.ledger.event;

import org.agreementledger.ledger.domain.AgreementStatus;

import java.util.Optional;

/**
 * The status each event leaves its agreement in: the one statement of it, which the aggregate, the
 * read model and the reconciliation all follow.
 */
public final class LifecycleStatus {

    private LifecycleStatus() {
    }

    /** The status after the event, or empty when the event leaves the status as it was. */
    public static Optional<AgreementStatus> after(AgreementEvent event) {
        if (event instanceof AgreementProposed) {
            return Optional.of(AgreementStatus.PROPOSED);
        }
        if (event instanceof AgreementFullySigned) {
            return Optional.of(AgreementStatus.SIGNED);
        }
        if (event instanceof AgreementDeclined) {
            return Optional.of(AgreementStatus.DECLINED);
        }
        if (event instanceof AgreementWithdrawn) {
            return Optional.of(AgreementStatus.WITHDRAWN);
        }
        if (event instanceof AgreementCertified) {
            return Optional.of(AgreementStatus.CERTIFIED);
        }
        if (event instanceof CertificationRevoked) {
            return Optional.of(AgreementStatus.REVOKED);
        }
        return Optional.empty();
    }
}
