package org.agreementledger.ledger.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** Every party has signed; {@code signedOn} is the latest signature's business date. */
@Revision("1")
public record AgreementFullySigned(UUID agreementId, LocalDate signedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
