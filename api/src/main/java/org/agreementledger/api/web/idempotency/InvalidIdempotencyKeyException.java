package org.agreementledger.api.web.idempotency;

/** An Idempotency-Key header that is empty or too long. */
public class InvalidIdempotencyKeyException extends RuntimeException {

    public InvalidIdempotencyKeyException(int maxLength) {
        super("Idempotency-Key must be 1 to " + maxLength + " characters.");
    }
}
