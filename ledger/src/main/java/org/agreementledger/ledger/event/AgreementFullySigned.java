package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

/** Every party has signed; {@code signedOn} is the latest signature's business date. */
public record AgreementFullySigned(UUID agreementId, LocalDate signedOn) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
