package org.agreementledger.ledger.command;

import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The certifying authority certifies a fully signed agreement; {@code signature}, when there is one,
 * is its own key's, checked at the door.
 */
public record CertifyAgreement(@TargetAggregateIdentifier UUID agreementId,
                               String certificateNo,
                               LocalDate certifiedOn,
                               SignerKeySignature signature) {

    /** A certification by an authenticated request only. */
    public CertifyAgreement(UUID agreementId, String certificateNo, LocalDate certifiedOn) {
        this(agreementId, certificateNo, certifiedOn, null);
    }
}
