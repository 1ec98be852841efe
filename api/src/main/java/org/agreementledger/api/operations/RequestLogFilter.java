package org.agreementledger.api.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.api.web.CorrelationIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line per request at INFO: method, path, status, actor, correlation id and duration; and the
 * correlation id on every answer. It sits in the security filter chain right after the security
 * context is set up, so that it knows the actor and sees the 401 and 403 answers too.
 */
public final class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("org.agreementledger.api.requests");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String correlationId = CorrelationIds.of(request);
        response.setHeader(CorrelationIds.HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            log.info("{} {} {} actor={} correlationId={} {}ms", request.getMethod(), request.getRequestURI(),
                    response.getStatus(), actorOf(SecurityContextHolder.getContext().getAuthentication()),
                    correlationId, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String actorOf(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? "-" : authentication.getName();
    }
}
