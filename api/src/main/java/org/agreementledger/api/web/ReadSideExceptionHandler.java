package org.agreementledger.api.web;

import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.rebuild.RebuildRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * Refusals of the read side as {@code application/problem+json}: a query the client must fix, a
 * rebuild that cannot start. Consulted before {@link ApiExceptionHandler}, whose catch-all would
 * otherwise answer them as server errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadSideExceptionHandler {

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException invalid) {
        return problem(Problems.withFields(HttpStatus.BAD_REQUEST, "invalid-parameter", invalid.getMessage(),
                List.of(new Problems.FieldError(invalid.parameter(), invalid.getMessage()))));
    }

    @ExceptionHandler(RebuildRefusedException.class)
    ResponseEntity<ProblemDetail> rebuildRefused(RebuildRefusedException refused) {
        return problem(Problems.of(HttpStatus.CONFLICT, "rebuild-refused", refused.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
