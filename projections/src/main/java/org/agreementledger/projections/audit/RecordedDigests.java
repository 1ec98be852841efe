package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.RecordedDigest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
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

    public RecordedDigests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a digest through a position, unless one through that very position exists already
     * (another node or request got there first): either way answers the one recorded.
     */
    public RecordedDigest record(long coversThroughPosition, int chainCount, String digest, Instant recordedAt) {
        List<RecordedDigest> inserted = jdbc.query("""
                        INSERT INTO ledger_digest (covers_through_position, chain_count, digest, recorded_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (covers_through_position) DO NOTHING
                        RETURNING id, covers_through_position, chain_count, digest, recorded_at""",
                ROW, coversThroughPosition, chainCount, digest, Timestamp.from(recordedAt));
        return inserted.isEmpty() ? coveringExactly(coversThroughPosition).orElseThrow() : inserted.get(0);
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
