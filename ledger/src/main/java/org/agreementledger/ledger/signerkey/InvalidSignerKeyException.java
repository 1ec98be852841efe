package org.agreementledger.ledger.signerkey;

import org.agreementledger.ledger.domain.LedgerRuleViolation;

/** A key that cannot be registered as given. */
public class InvalidSignerKeyException extends LedgerRuleViolation {

    public InvalidSignerKeyException(String field, String message) {
        super(field, message);
    }

    /** The public key given is no Ed25519 key (base64 of its 32 raw bytes). */
    public static InvalidSignerKeyException notAnEd25519Key(IllegalArgumentException why) {
        return new InvalidSignerKeyException("publicKey", "the public key is base64 of the 32 raw bytes of an"
                + " Ed25519 key: " + why.getMessage());
    }

    @Override
    public String code() {
        return "invalid-signer-key";
    }
}
