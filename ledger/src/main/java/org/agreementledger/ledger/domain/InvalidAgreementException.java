package org.agreementledger.ledger.domain;

/** The content of a command is not a valid agreement: missing, malformed or contradictory fields. */
public class InvalidAgreementException extends LedgerRuleViolation {

    public InvalidAgreementException(String field, String message) {
        super(field, message);
    }

    @Override
    public String code() {
        return "invalid-agreement";
    }
}
