package org.agreementledger.api.web.command;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id of a request: the client's {@code X-Correlation-Id} when well formed, else a new one. */
final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    public static String fromHeader(String header) {
        return header != null && WELL_FORMED.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
