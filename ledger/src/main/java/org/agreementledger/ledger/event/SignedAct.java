package org.agreementledger.ledger.event;

import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningAction;

import java.util.Optional;

/**
 * An act a signer's own key may sign, a party's (signing, declining) or the certifying authority's
 * (certifying, revoking a certification): its signature as received, or null when the act is an
 * authenticated request only.
 */
public sealed interface SignedAct permits AgreementSigned, AgreementDeclined, AgreementCertified,
        CertificationRevoked {

    SignerKeySignature signature();

    /** What the signer's key commits to by signing this act. */
    static SigningAction actionOf(SignedAct act) {
        if (act instanceof AgreementSigned) {
            return SigningAction.SIGN;
        }
        if (act instanceof AgreementDeclined) {
            return SigningAction.DECLINE;
        }
        return act instanceof AgreementCertified ? SigningAction.CERTIFY : SigningAction.REVOKE;
    }

    /**
     * The party of the agreement whose act it is; empty for the certifying authority's acts, whose
     * signer the intent names.
     */
    static Optional<String> partyOf(SignedAct act) {
        if (act instanceof AgreementSigned signed) {
            return Optional.of(signed.partyId());
        }
        if (act instanceof AgreementDeclined declined) {
            return Optional.of(declined.partyId());
        }
        return Optional.empty();
    }

    /** The assurance level of a recorded event, or empty when it is no act a party signs. */
    static Optional<SignatureAssurance> assuranceOf(Object event) {
        if (!(event instanceof SignedAct act)) {
            return Optional.empty();
        }
        return Optional.of(act.signature() == null ? SignatureAssurance.ACCOUNT : SignatureAssurance.SIGNER_KEY);
    }
}
