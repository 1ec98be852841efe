package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

public record AgreementCertified(UUID agreementId, String certificateNo, LocalDate certifiedOn)
        implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return certifiedOn;
    }
}
