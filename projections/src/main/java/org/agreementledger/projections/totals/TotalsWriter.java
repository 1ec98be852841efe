package org.agreementledger.projections.totals;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Writes stage changes, summed per bucket, to the pre-aggregated totals, in the transaction of the
 * batch that caused them. They are written in {@link BucketKey} order: segments processed in
 * parallel share total rows, and taking row locks in one global order keeps them from deadlocking
 * one another.
 */
@Component
public class TotalsWriter {

    private static final String ADD_TO_BUCKET = """
            INSERT INTO totals_bucket (grain, stage, year, sector, kind, occasion, country, city, currency,
                                       agreement_count, amount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (grain, stage, year, sector, kind, occasion, country, city, currency) DO UPDATE
            SET agreement_count = totals_bucket.agreement_count + EXCLUDED.agreement_count,
                amount = totals_bucket.amount + EXCLUDED.amount""";

    private final JdbcTemplate jdbc;

    public TotalsWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a batch's changes to the totals in use, and raises their version if they changed. */
    public void write(BucketTally tally) {
        if (writeBuckets(tally)) {
            // the last lock a writer takes, after the buckets' rows
            raiseVersion();
        }
    }

    /**
     * Raises the totals' version, in the transaction that changes them, so that no reader gives
     * again an answer it kept from before.
     */
    public void raiseVersion() {
        jdbc.update("UPDATE totals_version SET version = version + 1");
    }

    /** Adds changes to totals built aside, which nobody reads yet: the swap that puts them in use raises the version. */
    public void writeAside(BucketTally tally) {
        writeBuckets(tally);
    }

    private boolean writeBuckets(BucketTally tally) {
        List<Object[]> rows = tally.nonZero().entrySet().stream().map(TotalsWriter::toRow).toList();
        jdbc.batchUpdate(ADD_TO_BUCKET, rows);
        return !rows.isEmpty();
    }

    private static Object[] toRow(Map.Entry<BucketKey, Tally> entry) {
        BucketKey key = entry.getKey();
        return new Object[]{key.grain().name(), key.stage().name(), key.year(), key.sector(), key.kind(),
                key.occasion(), key.country(), key.city(), key.currency(), entry.getValue().count(),
                entry.getValue().amount()};
    }
}
