package org.agreementledger.ledger.signerkey;

import org.agreementledger.ledger.domain.LedgerRuleViolation;

/** The key is not in a status that allows the command, or not the named party's. */
public class SignerKeyStatusException extends LedgerRuleViolation {

    private final SignerKeyStatus status;

    public SignerKeyStatusException(SignerKeyStatus status, String message) {
        super(null, message + " (the key is " + status + ")");
        this.status = status;
    }

    public SignerKeyStatus status() {
        return status;
    }

    @Override
    public String code() {
        return "signer-key-status";
    }
}
