package org.agreementledger.api.web.idempotency;

/** What makes two requests "the same request" for an Idempotency-Key: method, path and body. */
public record RequestIdentity(String method, String path, Object body) {
}
