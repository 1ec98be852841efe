package org.agreementledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses query parameters holding control characters with 400: no filter value needs one, and
 * PostgreSQL refuses a NUL character in a query, which would otherwise surface as a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ControlCharacterParameterFilter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    public ControlCharacterParameterFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    String message = "query parameter '" + parameter.getKey() + "' must not contain control characters";
                    Problems.write(response, Problems.withField(ProblemCode.INVALID_PARAMETER, parameter.getKey(),
                            message), objectMapper);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
