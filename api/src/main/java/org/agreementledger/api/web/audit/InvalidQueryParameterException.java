package org.agreementledger.api.web.audit;

import org.agreementledger.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/** A query parameter out of its range: a 400 problem naming it, like a parameter of the wrong type. */
public class InvalidQueryParameterException extends ErrorResponseException {

    public InvalidQueryParameterException(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, Problems.withFields(HttpStatus.BAD_REQUEST, "invalid-parameter", message,
                List.of(new Problems.FieldError(parameter, message))), null);
    }
}
