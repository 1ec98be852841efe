package org.agreementledger.api.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the client's {@code X-Correlation-Id} when well formed, else a new
 * one; resolved once per request and kept with it, so that the request's log line, its answer and the
 * events its command causes all carry the same.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    private static final String ATTRIBUTE = CorrelationIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        // several headers are joined as Spring MVC joins them, and are then not well formed
        List<String> values = Collections.list(request.getHeaders(HEADER));
        String header = values.isEmpty() ? null : String.join(",", values);
        String id = header != null && WELL_FORMED.matcher(header).matches() ? header : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
