package org.agreementledger.ledger.event;

import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningAction;

import java.util.Optional;

/**
 * An act a party's own key may sign: its signature as received, or null when the act is an
 * authenticated request only.
 */
public sealed interface SignedAct permits AgreementSigned, AgreementDeclined {

    String partyId();

    SignerKeySignature signature();

    /** What the party's key commits to by signing this act. */
    static SigningAction actionOf(SignedAct act) {
        return act instanceof AgreementDeclined ? SigningAction.DECLINE : SigningAction.SIGN;
    }

    /** The assurance level of a recorded event, or empty when it is no act a party signs. */
    static Optional<SignatureAssurance> assuranceOf(Object event) {
        if (!(event instanceof SignedAct act)) {
            return Optional.empty();
        }
        return Optional.of(act.signature() == null ? SignatureAssurance.ACCOUNT : SignatureAssurance.SIGNER_KEY);
    }
}
