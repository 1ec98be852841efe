package org.agreementledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.agreementledger.api.web.command.PartyNotYoursException;
import org.agreementledger.api.web.idempotency.IdempotencyKeyReusedException;
import org.agreementledger.api.web.idempotency.InvalidIdempotencyKeyException;
import org.agreementledger.ledger.rules.LedgerRuleViolation;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.rebuild.RebuildRefusedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every refusal as {@code application/problem+json} with a stable type: malformed input is a 400,
 * invalid input a 422 naming the fields, a broken lifecycle rule a 409, and so on. Bad input never
 * reaches a 5xx.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({LedgerRuleViolation.class, PartyNotYoursException.class, IdempotencyKeyReusedException.class,
            AggregateNotFoundException.class, AggregateStreamCreationException.class, ConcurrencyException.class})
    ResponseEntity<Object> refusal(RuntimeException refusal) {
        return Problems.response(RefusalProblems.problemFor(refusal).orElseThrow(() -> refusal));
    }

    /** What no handler foresaw is the server's fault: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        log.error("Unexpected failure", failure);
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The ledger could not complete the request; nothing was acknowledged. Try again."));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> invalidQuery(InvalidQueryException invalid) {
        return Problems.response(Problems.withFields(HttpStatus.BAD_REQUEST, "invalid-parameter", invalid.getMessage(),
                List.of(new Problems.FieldError(invalid.parameter(), invalid.getMessage()))));
    }

    @ExceptionHandler(RebuildRefusedException.class)
    ResponseEntity<Object> rebuildRefused(RebuildRefusedException refused) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "rebuild-refused", refused.getMessage()));
    }

    @ExceptionHandler(InvalidIdempotencyKeyException.class)
    ResponseEntity<Object> invalidKey(InvalidIdempotencyKeyException invalid) {
        return Problems.response(Problems.withFields(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", invalid.getMessage(),
                List.of(new Problems.FieldError("Idempotency-Key", invalid.getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException mismatch) {
        String message = "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName();
        return Problems.response(Problems.withFields(HttpStatus.BAD_REQUEST, "invalid-parameter", message,
                List.of(new Problems.FieldError(mismatch.getName(), message))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return Problems.response(Problems.withFields(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request",
                "The request has invalid fields: " + fields.stream().map(Problems.FieldError::field)
                        .distinct().collect(Collectors.joining(", ")) + ".", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> fields = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return Problems.response(Problems.withFields(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request",
                "The request has invalid parameters.", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        if (hasCause(unreadable, PayloadTooLargeException.class)) {
            return Problems.response(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "The request body is too large."));
        }
        if (cause instanceof InvalidFormatException invalidValue) {
            String field = pathOf(invalidValue);
            String message = "'" + invalidValue.getValue() + "' is not a valid value for " + field;
            return Problems.response(Problems.withFields(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", message,
                    List.of(new Problems.FieldError(field, message))));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = pathOf(mismatched);
            String message = field + " has the wrong JSON type or is not a known field";
            return Problems.response(Problems.withFields(HttpStatus.BAD_REQUEST, "malformed-request", message,
                    List.of(new Problems.FieldError(field, message))));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "The request body is not valid JSON: " + json.getOriginalMessage()
                : "The request body is missing or unreadable.";
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", detail));
    }

    /** Spring MVC's own refusals (405, 406, 415, 404...) keep their status and detail, with our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail springProblem = body instanceof ProblemDetail problem ? problem
                : failure instanceof ErrorResponse error ? error.getBody() : null;
        if (springProblem != null && "about:blank".equals(springProblem.getType().toString())) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            String code = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
            String detail = springProblem.getDetail() != null ? springProblem.getDetail() : status.getReasonPhrase();
            return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(status, code, detail));
        }
        return super.handleExceptionInternal(failure, body, headers, statusCode, request);
    }

    private static String pathOf(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
