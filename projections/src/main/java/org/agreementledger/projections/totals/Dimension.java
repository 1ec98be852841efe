package org.agreementledger.projections.totals;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What totals can be grouped by. Grouping by city groups by (city, country): a city is known with its country. */
public enum Dimension {
    CITY(List.of("city", "country")),
    COUNTRY(List.of("country")),
    SECTOR(List.of("sector")),
    KIND(List.of("kind")),
    YEAR(List.of("year")),
    OCCASION(List.of("occasion"));

    private final List<String> columns;

    Dimension(List<String> columns) {
        this.columns = columns;
    }

    /** The columns of totals_bucket this dimension groups by, which are also the names rows carry. */
    public List<String> columns() {
        return columns;
    }

    /** The name used in the HTTP API, e.g. {@code city}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(dimension -> dimension.code().equalsIgnoreCase(code.strip())).findFirst();
    }
}
