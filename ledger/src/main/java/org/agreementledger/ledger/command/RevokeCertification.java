package org.agreementledger.ledger.command;

import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The certifying authority revokes the certification of an agreement; {@code signature}, when there
 * is one, is its own key's, checked at the door.
 */
public record RevokeCertification(@TargetAggregateIdentifier UUID agreementId,
                                  LocalDate revokedOn,
                                  String reason,
                                  SignerKeySignature signature) {

    /** A revocation by an authenticated request only. */
    public RevokeCertification(UUID agreementId, LocalDate revokedOn, String reason) {
        this(agreementId, revokedOn, reason, null);
    }
}
