package org.agreementledger.projections.audit;

/** An agreement's last event is not a leaf of a signed checkpoint yet: its certificate cannot be issued now. */
public class NotYetLoggedException extends RuntimeException {

    public NotYetLoggedException(String message) {
        super(message);
    }
}
