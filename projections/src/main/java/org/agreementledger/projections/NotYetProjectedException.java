package org.agreementledger.projections;

/**
 * The read models have not taken in the event a query asked to see (read-your-writes) within the
 * time it may wait: answering would be a stale read, so the query is refused, to be asked again.
 */
public class NotYetProjectedException extends RuntimeException {

    public NotYetProjectedException(String message) {
        super(message);
    }
}
