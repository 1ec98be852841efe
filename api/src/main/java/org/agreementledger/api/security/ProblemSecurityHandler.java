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
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

/** Answers 401 and 403 as {@code application/problem+json}, like every other refusal. */
@Component
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;

    public ProblemSecurityHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (authException instanceof LoginThrottle.LoginLockedException locked) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()));
            write(response, Problems.of(ProblemCode.LOGIN_THROTTLED, locked.getMessage()), request);
            return;
        }
        Optional<ProblemDetail> unavailable = Refusals.unavailability(authException);
        if (unavailable.isPresent()) {
            write(response, unavailable.get(), request);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"agreement-ledger\"");
        write(response, Problems.of(ProblemCode.UNAUTHENTICATED,
                "Authentication is required: HTTP Basic or a bearer token."), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        write(response, Problems.of(ProblemCode.FORBIDDEN,
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + "."), request);
    }

    private void write(HttpServletResponse response, ProblemDetail problem, HttpServletRequest request)
            throws IOException {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        Problems.write(response, problem, objectMapper);
    }
}
