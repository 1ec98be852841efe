package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

public record CertificationRevoked(UUID agreementId, String certificateNo, LocalDate revokedOn, String reason)
        implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return revokedOn;
    }
}
