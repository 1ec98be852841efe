package org.agreementledger.api.problem;

/**
 * A request the service refuses for a reason of its own (not a ledger rule): the client's to fix,
 * answered with its {@link ProblemCode}, naming the offending input when there is one.
 */
public abstract class ClientRefusal extends RuntimeException {

    private final ProblemCode code;
    private final String field;

    protected ClientRefusal(ProblemCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public ProblemCode code() {
        return code;
    }

    /** The offending input (a field, parameter or header), or {@code null}. */
    public String field() {
        return field;
    }
}
