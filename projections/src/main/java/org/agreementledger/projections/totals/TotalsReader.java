package org.agreementledger.projections.totals;

import org.agreementledger.ledger.domain.Money;
import org.agreementledger.projections.InvalidQueryException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Answers totals from the pre-aggregated buckets: it sums the rows of one grain over the
 * dimensions not grouped by, which is exact because within a grain an agreement counts at most
 * once per row. Grouping or filtering by city reads the CITY grain, by country the COUNTRY grain,
 * anything else the AGREEMENT grain; the overall total reads the grain its filter alone needs, so
 * it counts each agreement once. Answers are kept while the totals' version (raised by every change
 * to them) has not moved: a dashboard asks the same questions again and again.
 */
@Component
public class TotalsReader {

    /** Enough for every grouping and stage of a dashboard and the filters its users are on. */
    private static final int ANSWERS_KEPT = 512;

    private final JdbcTemplate jdbc;
    private final Map<TotalsQuery, KeptAnswer> answers = Collections.synchronizedMap(
            new LinkedHashMap<>(ANSWERS_KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TotalsQuery, KeptAnswer> eldest) {
                    return size() > ANSWERS_KEPT;
                }
            });

    /** An answer computed when the totals were at a version; never changed once kept. */
    private record KeptAnswer(long version, Totals totals) {
    }

    public TotalsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The totals a query asks for: as kept, if the totals' version has not moved since they were
     * computed, else summed afresh. The version is read first, so an answer kept at a version holds
     * every change up to it (and perhaps a few after): never fewer than the version says.
     */
    public Totals read(TotalsQuery query) {
        return read(query, version());
    }

    /** The totals as of a version read before ({@link #version()}), or later. */
    public Totals read(TotalsQuery query, long version) {
        KeptAnswer kept = answers.get(query);
        if (kept != null && kept.version() == version) {
            return kept.totals();
        }
        Totals totals = sum(query);
        answers.put(query, new KeptAnswer(version, totals));
        return totals;
    }

    /** The totals' version now: it moves with every change to them. */
    public long version() {
        Long version = jdbc.queryForObject("SELECT version FROM totals_version", Long.class);
        return version == null ? 0 : version;
    }

    private Totals sum(TotalsQuery query) {
        requireUnambiguousCity(query.filter());
        List<TotalsRow> rows = sum(query.stage(), query.by(), query.filter());
        List<TotalsRow> overall = sum(query.stage(), List.of(), query.filter());
        TotalsRow total = overall.isEmpty() ? new TotalsRow(Map.of(), 0, List.of()) : overall.get(0);
        return new Totals(query.stage(), query.by(), query.filter(), List.copyOf(rows), total);
    }

    /**
     * A city filter without a country sums over every country that has a city of that name; an
     * agreement with parties in two of them would count twice, so such a query must name the country.
     */
    private void requireUnambiguousCity(TotalsFilter filter) {
        if (filter.city() == null || filter.country() != null) {
            return;
        }
        List<String> countries = jdbc.queryForList(
                "SELECT DISTINCT country FROM totals_bucket WHERE grain = ? AND city = ? ORDER BY country",
                String.class, Grain.CITY.name(), filter.city());
        if (countries.size() > 1) {
            throw new InvalidQueryException("city", "There is a city named '" + filter.city() + "' in "
                    + String.join(", ", countries) + "; add country= to say which one.");
        }
    }

    private List<TotalsRow> sum(Stage stage, List<Dimension> by, TotalsFilter filter) {
        Set<String> groupColumns = new LinkedHashSet<>();
        by.forEach(dimension -> groupColumns.addAll(dimension.columns()));
        List<String> conditions = new ArrayList<>(List.of("grain = ?", "stage = ?"));
        List<Object> arguments = new ArrayList<>(List.of(grainFor(by, filter).name(), stage.name()));
        addIfPresent(conditions, arguments, "city", filter.city());
        addIfPresent(conditions, arguments, "country", filter.country());
        addIfPresent(conditions, arguments, "sector", filter.sector());
        addIfPresent(conditions, arguments, "kind", filter.kind() == null ? null : filter.kind().name());
        addIfPresent(conditions, arguments, "year", filter.year());
        addIfPresent(conditions, arguments, "occasion", filter.occasion());
        String groups = groupColumns.stream().map(column -> column + ", ").reduce("", String::concat);
        String sql = "SELECT " + groups + "currency, SUM(agreement_count) AS agreements, SUM(amount) AS amount"
                + " FROM totals_bucket WHERE " + String.join(" AND ", conditions)
                + " GROUP BY " + groups + "currency HAVING SUM(agreement_count) > 0"
                + " ORDER BY " + groups + "currency";
        List<TotalsRow> rows = new ArrayList<>();
        jdbc.query(sql, row -> {
            Map<String, Object> values = dimensionValues(row, groupColumns);
            Money amount = new Money(row.getBigDecimal("amount").setScale(2, RoundingMode.UNNECESSARY),
                    row.getString("currency"));
            long count = row.getLong("agreements");
            TotalsRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && Objects.equals(last.dimensions(), values)) {
                List<Money> amounts = new ArrayList<>(last.amounts());
                amounts.add(amount);
                rows.set(rows.size() - 1, new TotalsRow(values, last.count() + count, amounts));
            } else {
                rows.add(new TotalsRow(values, count, List.of(amount)));
            }
        }, arguments.toArray());
        return rows;
    }

    private static Grain grainFor(List<Dimension> by, TotalsFilter filter) {
        if (by.contains(Dimension.CITY) || filter.city() != null) {
            return Grain.CITY;
        }
        if (by.contains(Dimension.COUNTRY) || filter.country() != null) {
            return Grain.COUNTRY;
        }
        return Grain.AGREEMENT;
    }

    private static void addIfPresent(List<String> conditions, List<Object> arguments, String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            arguments.add(value);
        }
    }

    private static Map<String, Object> dimensionValues(ResultSet row, Set<String> columns) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : columns) {
            Object value = "year".equals(column) ? (Object) row.getInt(column) : row.getString(column);
            values.put(column, BucketKey.NONE.equals(value) ? null : value);
        }
        return values;
    }
}
