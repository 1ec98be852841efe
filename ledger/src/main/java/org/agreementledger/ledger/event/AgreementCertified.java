package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record AgreementCertified(UUID agreementId, String certificateNo, LocalDate certifiedOn)
        implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return certifiedOn;
    }
}
