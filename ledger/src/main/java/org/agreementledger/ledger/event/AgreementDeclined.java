package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

public record AgreementDeclined(UUID agreementId, String partyId, LocalDate declinedOn, String reason)
        implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return declinedOn;
    }
}
