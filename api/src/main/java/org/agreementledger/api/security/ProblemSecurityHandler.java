package org.agreementledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.problem.Refusals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

/** Answers 401 and 403 as {@code application/problem+json}, like every other refusal. */
@Component
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String REQUESTED_WITH = "X-Requested-With";
    private static final String XML_HTTP_REQUEST = "XMLHttpRequest";

    private final ObjectMapper objectMapper;

    public ProblemSecurityHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (refusedForAnotherReason(request, response, authException)) {
            return;
        }
        // the web app's own requests are not challenged: a browser would open its Basic sign-in dialog
        if (!XML_HTTP_REQUEST.equals(request.getHeader(REQUESTED_WITH))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"agreement-ledger\"");
        }
        write(response, Problems.of(ProblemCode.UNAUTHENTICATED,
                "Authentication is required: HTTP Basic or a bearer token."), request);
    }

    /** A sign-in form refused: the same answers as a refused API request, in the form's words. */
    void refuseSignIn(HttpServletRequest request, HttpServletResponse response,
                      AuthenticationException failure) throws IOException {
        if (!refusedForAnotherReason(request, response, failure)) {
            write(response, Problems.of(ProblemCode.UNAUTHENTICATED, "The user name or password is wrong."), request);
        }
    }

    /** Refusals that are not about the credentials themselves: a locked-out name, an unreachable identity provider. */
    private boolean refusedForAnotherReason(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException failure) throws IOException {
        if (failure instanceof LoginThrottle.LoginLockedException locked) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
            write(response, Problems.of(ProblemCode.LOGIN_THROTTLED, locked.getMessage()), request);
            return true;
        }
        Optional<ProblemDetail> unavailable = Refusals.unavailability(failure);
        if (unavailable.isPresent()) {
            write(response, unavailable.get(), request);
            return true;
        }
        return false;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        if (accessDeniedException instanceof CsrfException) {
            write(response, Problems.of(ProblemCode.CSRF_TOKEN_INVALID, "The request carries no valid CSRF token:"
                    + " send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."), request);
            return;
        }
        write(response, Problems.of(ProblemCode.FORBIDDEN,
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + "."), request);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
            throws IOException {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        Problems.write(response, problem, objectMapper);
    }
}
