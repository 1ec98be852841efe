package org.agreementledger.api.web.command;

import org.agreementledger.api.security.Actor;
import org.agreementledger.api.web.idempotency.RequestIdentity;

/**
 * What every command request carries besides its body, resolved once for all controllers by
 * {@link CommandContextResolver}.
 *
 * @param actor          the authenticated principal: the actor recorded in the events, never a value from the body
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
 * @param correlationId  the client's well-formed {@code X-Correlation-Id}, or a new one
 * @param method         the HTTP method
 * @param path           the request path
 */
record CommandContext(Actor actor, String idempotencyKey, String correlationId, String method, String path) {

    /** The request as an Idempotency-Key tells requests apart: method, path and body. */
    RequestIdentity identity(Object body) {
        return new RequestIdentity(method, path, body);
    }
}
