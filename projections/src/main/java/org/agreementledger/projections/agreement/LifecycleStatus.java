package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;

import java.util.Optional;

/** The status an event leaves its agreement in, as the read model records it. */
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
