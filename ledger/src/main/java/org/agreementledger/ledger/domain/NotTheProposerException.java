package org.agreementledger.ledger.domain;

/** Only the registrar that proposed an agreement may withdraw it. */
public class NotTheProposerException extends LedgerRuleViolation {

    public NotTheProposerException(String actor) {
        super(null, "'" + actor + "' did not propose this agreement and cannot withdraw it");
    }

    @Override
    public String code() {
        return "not-the-proposer";
    }
}
