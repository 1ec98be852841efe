package org.agreementledger.ledger.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Every event of an agreement belongs to it and records one business date. Each type
 * carries its revision ({@code @Revision}), raised whenever its stored form changes, with an
 * upcaster from the revision before: stored events are never rewritten.
 */
public sealed interface AgreementEvent permits AgreementProposed, AgreementSigned, AgreementFullySigned,
        AgreementDeclined, AgreementWithdrawn, AgreementCertified, CertificationRevoked {

    /** The aggregate type agreement events are stored under (the aggregate's class name). */
    String AGGREGATE_TYPE = "Agreement";

    UUID agreementId();

    /** The day the recorded fact happened, as the client stated it (not when it was recorded). */
    LocalDate businessDate();
}
