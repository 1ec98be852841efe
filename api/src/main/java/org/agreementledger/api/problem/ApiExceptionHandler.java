package org.agreementledger.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
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
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every refusal as {@code application/problem+json} with a stable type: malformed input is a 400,
 * invalid input a 422 naming the fields, a broken lifecycle rule a 409 ({@link Refusals}), and so
 * on. Bad input never reaches a 5xx.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Every refusal through the one mapping; an unreachable database is a 503; anything else is the
     * server's fault, logged in full.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> refusalOrFailure(Exception exception) {
        return Problems.response(Refusals.problemFor(exception).or(() -> Refusals.unavailability(exception)).orElseGet(() -> {
            log.error("Unexpected failure", exception);
            return Problems.of(ProblemCode.INTERNAL_ERROR, Problems.SERVER_ERROR_DETAIL);
        }));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        if (mismatch instanceof MethodArgumentTypeMismatchException argument) {
            return Problems.response(Problems.withField(ProblemCode.INVALID_PARAMETER, argument.getName(),
                    "'" + argument.getValue() + "' is not a valid " + argument.getName()));
        }
        return super.handleTypeMismatch(mismatch, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return Problems.response(Problems.withFields(ProblemCode.INVALID_REQUEST,
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
        return Problems.response(Problems.withFields(ProblemCode.INVALID_REQUEST,
                "The request has invalid parameters.", fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        if (hasCause(unreadable, PayloadTooLargeException.class)) {
            return Problems.response(Problems.of(ProblemCode.PAYLOAD_TOO_LARGE, "The request body is too large."));
        }
        Optional<ProblemDetail> unreadableValue = UnreadableValue.problemFor(cause);
        if (unreadableValue.isPresent()) {
            return Problems.response(unreadableValue.get());
        }
        // a parser's message speaks of the JSON text; a data binder's would name Java types
        String detail = cause instanceof StreamReadException json
                ? "The request body is not valid JSON: " + json.getOriginalMessage()
                : cause instanceof JsonProcessingException
                ? "The request body is not a single JSON object of the expected form."
                : "The request body is missing or unreadable.";
        return Problems.response(Problems.of(ProblemCode.MALFORMED_REQUEST, detail));
    }

    /** Spring MVC's own refusals (405, 406, 415, 404...) keep their status and detail, with our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail springProblem = body instanceof ProblemDetail problem ? problem
                : failure instanceof ErrorResponse error ? error.getBody() : null;
        if (springProblem != null && "about:blank".equals(springProblem.getType().toString())) {
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.ofStatus(status, springProblem.getDetail()));
        }
        return super.handleExceptionInternal(failure, body, headers, statusCode, request);
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
