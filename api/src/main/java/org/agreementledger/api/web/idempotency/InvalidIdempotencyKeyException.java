package org.agreementledger.api.web.idempotency;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** An Idempotency-Key header that is empty or too long. */
class InvalidIdempotencyKeyException extends ClientRefusal {

    public InvalidIdempotencyKeyException(int maxLength) {
        super(ProblemCode.INVALID_IDEMPOTENCY_KEY, IdempotentCommandRunner.HEADER, "Idempotency-Key must be 1 to " + maxLength + " visible ASCII characters (spaces only inside).");
    }
}
