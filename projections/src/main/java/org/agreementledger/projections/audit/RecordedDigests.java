package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.ChainHead;
import org.agreementledger.ledger.audit.RecordedDigest;
import org.agreementledger.ledger.audit.RecordedHead;
import org.agreementledger.projections.eventstore.Batches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The append-only table of recorded ledger digests. */
@Repository
class RecordedDigests {

    private static final String COLUMNS =
            "SELECT id, covers_through_position, chain_count, digest, recorded_at FROM ledger_digest";

    private static final RowMapper<RecordedDigest> ROW = (row, i) -> new RecordedDigest(row.getLong("id"),
            row.getLong("covers_through_position"), row.getInt("chain_count"), row.getString("digest"),
            row.getTimestamp("recorded_at").toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public RecordedDigests(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Records a digest through a position with the chain heads that moved since the digest before,
     * in one transaction, unless one through that very position exists already (another node or
     * request got there first): either way answers the one recorded.
     */
    public RecordedDigest record(long coversThroughPosition, int chainCount, String digest, Instant recordedAt,
                                 List<ChainHead> headsMoved) {
        return transaction.execute(status -> {
            List<RecordedDigest> inserted = jdbc.query("""
                            INSERT INTO ledger_digest (covers_through_position, chain_count, digest, recorded_at)
                            VALUES (?, ?, ?, ?)
                            ON CONFLICT (covers_through_position) DO NOTHING
                            RETURNING id, covers_through_position, chain_count, digest, recorded_at""",
                    ROW, coversThroughPosition, chainCount, digest, Timestamp.from(recordedAt));
            if (inserted.isEmpty()) {
                return coveringExactly(coversThroughPosition).orElseThrow();
            }
            RecordedDigest recorded = inserted.get(0);
            jdbc.batchUpdate("INSERT INTO ledger_digest_head (digest_id, agreement_id, sequence_number, hash)"
                            + " VALUES (?, ?, ?, ?)", headsMoved.stream()
                    .map(head -> new Object[]{recorded.id(), head.agreementId(), head.sequenceNumber(), head.hash()})
                    .toList());
            return recorded;
        });
    }

    /** The position of the latest digest recorded with its chain heads, if any was. */
    public Optional<Long> latestPositionWithHeads() {
        return Optional.ofNullable(jdbc.queryForObject("""
                SELECT max(d.covers_through_position) FROM ledger_digest d
                WHERE EXISTS (SELECT 1 FROM ledger_digest_head h WHERE h.digest_id = d.id)""", Long.class));
    }

    /**
     * The chain heads kept with every digest (those that moved since the digest before), by agreement
     * id in byte order, as the event table's index gives the chains; read a batch at a time.
     */
    public Iterator<RecordedHead> headsKeptInAgreementOrder(int batchSize) {
        return new Batches<RecordedHead>(batchSize, last -> jdbc.query("""
                        SELECT digest_id, agreement_id, sequence_number, hash FROM ledger_digest_head
                        WHERE (agreement_id, digest_id) > (?, ?)
                        ORDER BY agreement_id, digest_id
                        LIMIT ?""",
                (row, i) -> new RecordedHead(row.getLong("digest_id"), new ChainHead(row.getString("agreement_id"),
                        row.getLong("sequence_number"), row.getString("hash"))),
                last == null ? "" : last.head().agreementId(), last == null ? -1 : last.digestId(), batchSize));
    }

    public Optional<RecordedDigest> coveringExactly(long position) {
        return jdbc.query(COLUMNS + " WHERE covers_through_position = ?", ROW, position).stream().findFirst();
    }

    /** The earliest digest that covers the position, so that a certificate stays the same once issued. */
    public Optional<RecordedDigest> firstCovering(long position) {
        return jdbc.query(COLUMNS + " WHERE covers_through_position >= ? ORDER BY covers_through_position LIMIT 1",
                ROW, position).stream().findFirst();
    }

    public List<RecordedDigest> all() {
        return jdbc.query(COLUMNS + " ORDER BY covers_through_position", ROW);
    }
}
