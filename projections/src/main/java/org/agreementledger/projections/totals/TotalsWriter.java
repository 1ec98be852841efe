package org.agreementledger.projections.totals;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Writes stage changes to the pre-aggregated totals. The changes of a whole batch of events are
 * summed first and written when the batch commits, in the same transaction as the processor's
 * token. They are written in {@link BucketKey} order: segments processed in parallel share total
 * rows, and taking row locks in one global order keeps them from deadlocking one another.
 */
@Component
public class TotalsWriter {

    private static final String PENDING_CHANGES = TotalsWriter.class.getName() + ".pendingChanges";
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

    /** Counts the changes with the current batch; they are written when it commits. */
    public void count(List<StageChange> changes, TotalsFacts facts) {
        if (!changes.isEmpty()) {
            pendingChanges().count(changes, facts);
        }
    }

    public void clear() {
        // DELETE, not TRUNCATE: a reconciliation reading a snapshot must not see the table emptied under it
        jdbc.update("DELETE FROM totals_bucket");
    }

    private BucketTally pendingChanges() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_CHANGES, key -> {
            BucketTally tally = new BucketTally();
            batch.onPrepareCommit(committing -> write(tally));
            return tally;
        });
    }

    private void write(BucketTally tally) {
        List<Object[]> rows = tally.nonZero().entrySet().stream().map(TotalsWriter::toRow).toList();
        jdbc.batchUpdate(ADD_TO_BUCKET, rows);
    }

    private static Object[] toRow(Map.Entry<BucketKey, Tally> entry) {
        BucketKey key = entry.getKey();
        return new Object[]{key.grain().name(), key.stage().name(), key.year(), key.sector(), key.kind(),
                key.occasion(), key.country(), key.city(), key.currency(), entry.getValue().count(),
                entry.getValue().amount()};
    }
}
