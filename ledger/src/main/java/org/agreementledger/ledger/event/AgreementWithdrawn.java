package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

public record AgreementWithdrawn(UUID agreementId, LocalDate withdrawnOn, String reason) implements AgreementEvent {

    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
