package org.agreementledger.api.web.idempotency;

/** The same idempotency key came back with another request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request.");
    }
}
