package org.agreementledger.ledger.signerkey;

import org.agreementledger.ledger.domain.LedgerRuleViolation;

/** A key that cannot be registered as given. */
public class InvalidSignerKeyException extends LedgerRuleViolation {

    public InvalidSignerKeyException(String field, String message) {
        super(field, message);
    }

    @Override
    public String code() {
        return "invalid-signer-key";
    }
}
