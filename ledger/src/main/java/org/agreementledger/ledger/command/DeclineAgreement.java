package org.agreementledger.ledger.command;

import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One party declines the agreement, which ends it; {@code signature}, when given, is its own key's,
 * checked before the command was sent.
 */
public record DeclineAgreement(@TargetAggregateIdentifier UUID agreementId,
                               String partyId,
                               LocalDate declinedOn,
                               String reason,
                               SignerKeySignature signature) {

    /** A decline by an authenticated request only. */
    public DeclineAgreement(UUID agreementId, String partyId, LocalDate declinedOn, String reason) {
        this(agreementId, partyId, declinedOn, reason, null);
    }
}
