package org.agreementledger.api.problem;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }
}
