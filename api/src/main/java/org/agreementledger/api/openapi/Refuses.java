package org.agreementledger.api.openapi;

import org.springframework.http.HttpStatus;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals an endpoint answers beyond those {@link OpenApiConfiguration} gives every endpoint of
 * its kind (bad input, wrong credentials, throttled sign-ins, an unsatisfiable Accept and
 * unavailability for all; forbidden for those that need a caller; too large and not JSON for a POST;
 * invalid for those that read a body): e.g. 404 for an
 * agreement that does not exist, 409 for a command its agreement's status does not allow.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

    HttpStatus[] value();
}
