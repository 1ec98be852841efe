package org.agreementledger.ledger.command;

import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One party signs the agreement; {@code signature}, when given, is its own key's, checked before
 * the command was sent.
 */
public record SignAgreement(@TargetAggregateIdentifier UUID agreementId, String partyId, LocalDate signedOn,
                            SignerKeySignature signature) {

    /** A signature by an authenticated request only. */
    public SignAgreement(UUID agreementId, String partyId, LocalDate signedOn) {
        this(agreementId, partyId, signedOn, null);
    }
}
