package org.agreementledger.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problem details with a stable type per kind of refusal. The type is
 * {@code urn:agreement-ledger:problem:<code>}; clients branch on it, people read {@code detail}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:agreement-ledger:problem:";
    /** What a server error says: nothing of its internals. */
    public static final String SERVER_ERROR_DETAIL =
            "The ledger could not complete the request; nothing was acknowledged. Try again.";
    /** How long a client should wait before retrying when the ledger is unavailable, or asked too much. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    public static ProblemDetail of(ProblemCode code, String detail) {
        return of(code.status(), code.code(), detail);
    }

    /** A refusal about particular input fields, each named with what is wrong with it. */
    public static ProblemDetail withFields(ProblemCode code, String detail, List<FieldError> fields) {
        return withFields(code.status(), code.code(), detail, fields);
    }

    /** A refusal about one input field, the detail saying what is wrong with it. */
    public static ProblemDetail withField(ProblemCode code, String field, String detail) {
        return withFields(code, detail, List.of(new FieldError(field, detail)));
    }

    /**
     * An answer with a status only, as servlet containers and Spring MVC give them: the code is the
     * status's reason phrase in kebab case, e.g. {@code method-not-allowed}; a server error says no more.
     */
    public static ProblemDetail ofStatus(HttpStatus status, String detail) {
        if (status.is5xxServerError()) {
            return of(status, status == HttpStatus.SERVICE_UNAVAILABLE ? ProblemCode.SERVICE_UNAVAILABLE.code()
                    : ProblemCode.INTERNAL_ERROR.code(), SERVER_ERROR_DETAIL);
        }
        return of(status, codeOf(status), detail == null ? status.getReasonPhrase() : detail);
    }

    /** The code of a status that is no refusal of the service's own: its reason phrase in kebab case. */
    public static String codeOf(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** For codes that are not the service's own: the ledger's rules, and Spring MVC's refusals. */
    static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    static ProblemDetail withFields(HttpStatus status, String code, String detail, List<FieldError> fields) {
        ProblemDetail problem = of(status, code, detail);
        problem.setProperty("errors", fields.stream()
                .map(field -> Map.of("field", field.field(), "message", field.message()))
                .toList());
        return problem;
    }

    /** The problem as an answer of a controller or exception handler. */
    public static ResponseEntity<Object> response(ProblemDetail problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                || problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        return answer.body(problem);
    }

    /** The problem written straight to the servlet response, for filters and security handlers. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper objectMapper)
            throws IOException {
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                || problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** One offending input field. */
    public record FieldError(String field, String message) {
    }
}
