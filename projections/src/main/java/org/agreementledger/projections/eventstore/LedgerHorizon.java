package org.agreementledger.projections.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The highest global position below which the ledger can no longer change. A writer draws its
 * position when it inserts and may commit after a writer that drew a higher one, so the highest
 * committed position may still have a gap below it that fills a moment later. Reading it under a
 * SHARE lock, which waits for every transaction that has inserted events and keeps new ones out
 * for that instant, closes the gaps: every event at or before it is committed, and any later one
 * gets a higher position. Paging, exports, digests and verification stop there, so each of them is
 * final and repeatable.
 */
@Component
public class LedgerHorizon {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public LedgerHorizon(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The stable position; 0 while the ledger is empty. */
    public long stablePosition() {
        Long position = transaction.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.execute("LOCK TABLE domain_event_entry IN SHARE MODE");
            return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        });
        return position == null ? 0 : position;
    }
}
