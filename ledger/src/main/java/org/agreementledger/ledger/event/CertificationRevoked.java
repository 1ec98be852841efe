package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record CertificationRevoked(UUID agreementId, String certificateNo, LocalDate revokedOn, String reason)
        implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return revokedOn;
    }
}
