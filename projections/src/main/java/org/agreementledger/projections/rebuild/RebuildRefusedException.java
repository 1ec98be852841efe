package org.agreementledger.projections.rebuild;

/** A rebuild that cannot start now, e.g. because another node still holds a segment of a processor. */
public class RebuildRefusedException extends RuntimeException {

    public RebuildRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
