package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

@Revision("1")
public record AgreementSigned(UUID agreementId, String partyId, LocalDate signedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
