package org.agreementledger.api.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query of the read models that takes {@value #HEADER}, the {@code position} a command answered,
 * and then answers only once the read models have taken that event in (or 503 not-yet-projected):
 * the caller reads its own write. The header is in the OpenAPI document of each such query.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsOwnWrites {

    String HEADER = "X-Ledger-Position";
}
