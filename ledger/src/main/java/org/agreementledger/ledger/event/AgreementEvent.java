package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Every event of the ledger belongs to one agreement and records one business date. Each type
 * carries its revision ({@code @Revision}), raised whenever its stored form changes, with an
 * upcaster from the revision before: stored events are never rewritten.
 */
public sealed interface AgreementEvent permits AgreementProposed, AgreementSigned, AgreementFullySigned,
        AgreementDeclined, AgreementWithdrawn, AgreementCertified, CertificationRevoked {

    UUID agreementId();

    /** The day the recorded fact happened, as the client stated it (not when it was recorded). */
    LocalDate businessDate();
}
