package org.agreementledger.api.web.idempotency;

import org.agreementledger.api.problem.ClientRefusal;
import org.agreementledger.api.problem.ProblemCode;

/** The same idempotency key came back with another request. */
class IdempotencyKeyReusedException extends ClientRefusal {

    public IdempotencyKeyReusedException(String key) {
        super(ProblemCode.IDEMPOTENCY_KEY_REUSED, null, "Idempotency-Key '" + key + "' was already used for a different request.");
    }
}
