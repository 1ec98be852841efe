package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

public record AgreementSigned(UUID agreementId, String partyId, LocalDate signedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
