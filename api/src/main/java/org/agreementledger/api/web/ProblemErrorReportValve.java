package org.agreementledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.problem.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tomcat's own error report, for what it refuses before any servlet sees the request (an encoded
 * slash in the path, a control byte in a header): a problem answer, not an HTML page. Tomcat makes
 * it by class name, so it writes the problem with a mapper of its own.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Writes a problem's properties as its own fields, as Spring MVC does. */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class,
            ProblemDetailJacksonMixin.class);
    /**
     * A transfer coding or HTTP version Tomcat does not implement is the client's choice: a 4xx,
     * as every refusal of a client's bytes is here (RFC 9112 suggests 501 and 505).
     */
    private static final Set<HttpStatus> CLIENT_CHOICES_TOMCAT_CALLS_SERVER_ERRORS =
            Set.of(HttpStatus.NOT_IMPLEMENTED, HttpStatus.HTTP_VERSION_NOT_SUPPORTED);

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || !status.isError() || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        if (CLIENT_CHOICES_TOMCAT_CALLS_SERVER_ERRORS.contains(status)) {
            status = HttpStatus.BAD_REQUEST;
            response.setStatus(status.value());
        }
        ProblemDetail problem = Problems.ofStatus(status,
                "The request was refused before it reached the ledger: " + status.getReasonPhrase() + ".");
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
