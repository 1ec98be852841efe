package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

/** Every event of the ledger belongs to one agreement and records one business date. */
public interface AgreementEvent {

    UUID agreementId();

    /** The day the recorded fact happened, as the client stated it (not when it was recorded). */
    LocalDate businessDate();
}
