package org.agreementledger.projections.totals;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.agreementledger.ledger.domain.Money;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of totals: its dimension values (written as fields of the row, e.g. {@code "city"}),
 * how many agreements it counts, and their amount in each currency, never converted.
 */
@JsonPropertyOrder({"count", "amounts"})
public record TotalsRow(Map<String, Object> dimensions, long count, List<Money> amounts) {

    public TotalsRow {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        amounts = List.copyOf(amounts);
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> dimensions() {
        return dimensions;
    }
}
