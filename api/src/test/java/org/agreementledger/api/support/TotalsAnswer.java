package org.agreementledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A GET /api/totals answer, read as buckets: a count and an amount (as written) per currency. */
public record TotalsAnswer(JsonNode body) {

    /** Nothing counted: no agreement, no amount. */
    public static final Bucket NOTHING = new Bucket(0, Map.of());

    public Bucket total() {
        return bucketOf(body.get("total"));
    }

    public int rowCount() {
        return body.get("rows").size();
    }

    /**
     * The row whose dimensions have the given values, e.g. {@code row("city", "Urumqi", "country", "CN")};
     * {@link #NOTHING} when there is none.
     */
    public Bucket row(String... dimensionValues) {
        for (JsonNode row : body.get("rows")) {
            boolean matches = true;
            for (int i = 0; i < dimensionValues.length; i += 2) {
                JsonNode value = row.get(dimensionValues[i]);
                matches &= value != null && value.asText().equals(dimensionValues[i + 1]);
            }
            if (matches) {
                return bucketOf(row);
            }
        }
        return NOTHING;
    }

    /** Every row, keyed by its values of the given dimensions joined with "|", e.g. "Urumqi|CN". */
    public Map<String, Bucket> rowsKeyedBy(String... dimensions) {
        Map<String, Bucket> rows = new TreeMap<>();
        body.get("rows").forEach(row -> {
            List<String> key = new ArrayList<>();
            for (String dimension : dimensions) {
                key.add(row.get(dimension).asText());
            }
            rows.put(String.join("|", key), bucketOf(row));
        });
        return rows;
    }

    /** The values of one dimension over all rows, in the answer's order. */
    public List<String> values(String dimension) {
        List<String> values = new ArrayList<>();
        body.get("rows").forEach(row -> values.add(row.get(dimension).asText()));
        return values;
    }

    private static Bucket bucketOf(JsonNode node) {
        Map<String, String> amounts = new TreeMap<>();
        node.get("amounts").forEach(amount -> {
            if (!amount.get("amount").isTextual()) {
                throw new AssertionError("an amount travels as a JSON string: " + amount);
            }
            amounts.put(amount.get("currency").asText(), amount.get("amount").asText());
        });
        return new Bucket(node.get("count").asLong(), amounts);
    }

    /** A count of agreements and their amount in each currency, e.g. {@code {"CNY": "107.25"}}. */
    public record Bucket(long count, Map<String, String> amounts) {

        public static Bucket of(long count, String... currencyAmounts) {
            Map<String, String> amounts = new TreeMap<>();
            for (int i = 0; i < currencyAmounts.length; i += 2) {
                amounts.put(currencyAmounts[i], currencyAmounts[i + 1]);
            }
            return new Bucket(count, amounts);
        }
    }
}
