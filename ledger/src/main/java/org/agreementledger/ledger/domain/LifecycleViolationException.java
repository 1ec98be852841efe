package org.agreementledger.ledger.domain;


/** The agreement is not in a status that allows the command. */
public class LifecycleViolationException extends LedgerRuleViolation {

    private final AgreementStatus status;

    public LifecycleViolationException(AgreementStatus status, String message) {
        super(null, message + " (the agreement is " + status + ")");
        this.status = status;
    }

    public AgreementStatus status() {
        return status;
    }

    @Override
    public String code() {
        return "lifecycle-violation";
    }
}
