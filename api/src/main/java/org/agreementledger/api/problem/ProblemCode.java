package org.agreementledger.api.problem;

import org.springframework.http.HttpStatus;

import java.util.Locale;

/**
 * The refusals the service itself makes, each with its status; the code a client branches on is
 * the constant's name in kebab case, e.g. {@code agreement-not-found}. The ledger's rules carry
 * their own codes ({@code LedgerRuleViolation.code()}), and {@link Refusals} gives them a status.
 */
public enum ProblemCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    PARTY_NOT_YOURS(HttpStatus.FORBIDDEN),
    CSRF_TOKEN_INVALID(HttpStatus.FORBIDDEN),
    AGREEMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    NO_CHECKPOINT_YET(HttpStatus.NOT_FOUND),
    SIGNER_KEY_NOT_FOUND(HttpStatus.NOT_FOUND),
    AGREEMENT_EXISTS(HttpStatus.CONFLICT),
    SIGNER_KEY_EXISTS(HttpStatus.CONFLICT),
    CONCURRENT_MODIFICATION(HttpStatus.CONFLICT),
    REBUILD_REFUSED(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    LOGIN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS),
    INTENTS_OUTSTANDING(HttpStatus.TOO_MANY_REQUESTS),
    INVALID_REQUEST(HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY),
    SIGNATURE_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    SIGNER_KEY_REQUIRED(HttpStatus.UNPROCESSABLE_ENTITY),
    PASSKEY_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    SIGNER_KEY_UNKNOWN(HttpStatus.UNPROCESSABLE_ENTITY),
    SIGNER_KEY_NOT_APPROVED(HttpStatus.UNPROCESSABLE_ENTITY),
    SIGNER_KEY_REVOKED(HttpStatus.UNPROCESSABLE_ENTITY),
    INTENT_MISMATCH(HttpStatus.UNPROCESSABLE_ENTITY),
    INTENT_EXPIRED(HttpStatus.UNPROCESSABLE_ENTITY),
    INTENT_REPLAYED(HttpStatus.UNPROCESSABLE_ENTITY),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    NOT_YET_LOGGED(HttpStatus.SERVICE_UNAVAILABLE),
    NOT_YET_PROJECTED(HttpStatus.SERVICE_UNAVAILABLE),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable code in the problem's type, e.g. {@code agreement-not-found}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
