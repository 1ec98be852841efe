package org.agreementledger.ledger.domain;

/**
 * A command the ledger refuses. Each subtype is one kind of refusal with a stable code, so that
 * every interface can answer it the same way; no event is written when one is thrown.
 */
public abstract class LedgerRuleViolation extends RuntimeException {

    private final String field;

    protected LedgerRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** A stable, machine-readable name of the rule that was broken. */
    public abstract String code();

    /** The offending input field, or {@code null} when the refusal is about state, not input. */
    public String field() {
        return field;
    }
}
