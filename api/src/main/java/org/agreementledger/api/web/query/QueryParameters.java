package org.agreementledger.api.web.query;

/** What query parameters have in common: an empty one, as in {@code ?city=}, is no filter. */
final class QueryParameters {

    private QueryParameters() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
