package org.agreementledger.projections;

/** A query the read side cannot answer as asked; the client's to fix, naming the parameter at fault. */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
