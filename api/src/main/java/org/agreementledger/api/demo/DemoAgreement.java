package org.agreementledger.api.demo;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.Party;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One agreement of the demo data set: proposed, signed by every party on {@code signedOn}, and
 * certified when {@code certification} is given.
 *
 * @param key         stable within the data set; the agreement id is derived from it
 * @param publishedAs what the conference report published of it and what is invented; null when it
 *                    is invented whole
 */
record DemoAgreement(String key, String title, CooperationKind kind, String sector, Money value,
                            LocalDate proposedOn, LocalDate signedOn, List<Party> parties,
                            DemoCertification certification, String publishedAs) {

    /** The same key gives the same id on every run, so a second load finds the agreement already there. */
    public UUID agreementId() {
        return UUID.nameUUIDFromBytes(("agreement-ledger-demo:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
