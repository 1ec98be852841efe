package org.agreementledger.projections.eventstore;

import org.agreementledger.ledger.audit.ChainHead;
import org.agreementledger.ledger.audit.ChainLink;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.event.SignerKeyEvent;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one reader of the event table outside Axon: its rows exactly as stored, the content every
 * hash covers, for the audit trail, the reconciliation and the first-start check.
 */
@Repository
public class StoredEvents {

    private static final int STREAM_FETCH_SIZE = 500;

    private static final String COLUMNS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type,
                   payload_revision, payload, meta_data
            FROM domain_event_entry""";

    private static final RowMapper<PositionedEvent> ROW = (row, i) -> new PositionedEvent(row.getLong("global_index"),
            new StoredEvent(row.getString("event_identifier"), row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"), row.getString("type"), row.getString("payload_type"),
                    row.getString("payload_revision"), row.getBytes("payload"), row.getBytes("meta_data")));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streamingJdbc;

    public StoredEvents(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streamingJdbc = new JdbcTemplate(dataSource);
        this.streamingJdbc.setFetchSize(STREAM_FETCH_SIZE);
    }

    /**
     * The highest global position written so far, 0 for none, read without a lock: a lower position
     * may still commit after it, so it says only whether there is anything new.
     */
    public long lastPosition() {
        Long position = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry",
                Long.class);
        return position == null ? 0 : position;
    }

    /** The aggregate of the event at a global position; empty when no committed event is there. */
    public Optional<EventOwner> ownerAt(long position) {
        return jdbc.query("SELECT aggregate_identifier, type FROM domain_event_entry WHERE global_index = ?",
                (row, i) -> new EventOwner(row.getString(1), row.getString(2)), position).stream().findFirst();
    }

    /** Whether the ledger holds no event at all. */
    public boolean isEmpty() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM domain_event_entry)", Boolean.class));
    }

    /**
     * Hands every event to the consumer, one agreement after another and each agreement's events in
     * chain order, streamed from one query: called inside a transaction, all of them come from that
     * transaction's snapshot. The index on (agreement, sequence) gives the order: sorting the whole
     * table instead would spill it to disk.
     */
    public void forEachInAgreementOrder(Consumer<PositionedEvent> consumer) {
        jdbc.execute("SET LOCAL enable_sort = off");
        streamingJdbc.query(COLUMNS + " ORDER BY aggregate_identifier, sequence_number", row -> {
            consumer.accept(ROW.mapRow(row, 0));
        });
        jdbc.execute("SET LOCAL enable_sort = on");
    }

    /** One agreement's events in chain order; none if there is no such agreement. */
    public List<PositionedEvent> ofAgreement(String agreementId) {
        return jdbc.query(COLUMNS + " WHERE aggregate_identifier = ? ORDER BY sequence_number", ROW, agreementId);
    }

    /**
     * The payload of an agreement's first event, its proposal, as stored: its terms are hashed from
     * these bytes ({@code AgreementTerms}); empty if there is no such agreement.
     */
    public Optional<byte[]> proposalOf(String agreementId) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                (row, i) -> row.getBytes("payload"), agreementId).stream().findFirst();
    }

    /** A lock on an aggregate's id for the rest of the caller's transaction (a PostgreSQL advisory lock). */
    public void lockAggregate(String aggregateIdentifier) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?))", row -> { }, aggregateIdentifier);
    }

    /**
     * At most {@code limit} events of the keys registered in the party's name, after {@code after} and
     * at or before {@code through}, in global order.
     */
    public List<PositionedEvent> ofSignerKeysOf(String partyId, long after, long through, int limit) {
        // the type as a literal, so that every plan matches the partial index's predicate (V1_2)
        return jdbc.query(COLUMNS + " WHERE type = '" + SignerKeyEvent.AGGREGATE_TYPE + "'"
                        + " AND global_index > ? AND global_index <= ?"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'partyId' = ? ORDER BY global_index LIMIT ?",
                ROW, after, through, partyId, limit);
    }

    /** At most {@code limit} events after {@code after} and at or before {@code through}, in global order. */
    public List<PositionedEvent> page(long after, long through, int limit) {
        return jdbc.query(COLUMNS + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT ?",
                ROW, after, through, limit);
    }

    /** Every event after {@code after} and at or before {@code through}, read a batch at a time as it is consumed. */
    public Iterator<PositionedEvent> inGlobalOrder(long after, long through, int batchSize) {
        return new Batches<PositionedEvent>(batchSize,
                last -> page(last == null ? after : last.globalPosition(), through, batchSize));
    }

    /**
     * The chain fields of every event at or before {@code through}, by agreement id in byte order
     * (the index's order since V1_1) and each agreement's by sequence number, read a batch at a time
     * as they are consumed. The database takes the hashes from the metadata: that work is its own,
     * beside the verifier's.
     */
    public Iterator<ChainLink> chainLinksInAgreementOrder(long through, int batchSize) {
        return new Batches<ChainLink>(batchSize, last -> jdbc.query("""
                        SELECT global_index, aggregate_identifier, sequence_number,
                               meta_data ->> ? AS hash, meta_data ->> ? AS previous_hash
                        FROM (SELECT global_index, aggregate_identifier, sequence_number,
                                     convert_from(meta_data, 'UTF8')::jsonb AS meta_data
                              FROM domain_event_entry
                              WHERE (aggregate_identifier, sequence_number) > (?, ?) AND global_index <= ?
                              ORDER BY aggregate_identifier, sequence_number
                              LIMIT ?) AS batch
                        ORDER BY aggregate_identifier, sequence_number""",
                (row, i) -> new ChainLink(row.getLong("global_index"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("hash"), row.getString("previous_hash")),
                LedgerMetaData.HASH, LedgerMetaData.PREVIOUS_HASH, last == null ? "" : last.agreementId(),
                last == null ? -1 : last.sequenceNumber(), through, batchSize));
    }

    /**
     * The heads, as of {@code through}, of the chains that have events after {@code after}: those
     * that moved in between.
     */
    public List<ChainHead> chainHeadsMovedBetween(long after, long through) {
        return jdbc.query("""
                        SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number,
                               convert_from(meta_data, 'UTF8')::jsonb ->> ? AS hash
                        FROM domain_event_entry
                        WHERE global_index > ? AND global_index <= ?
                        ORDER BY aggregate_identifier, sequence_number DESC""",
                (row, i) -> new ChainHead(row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                        row.getString("hash")),
                LedgerMetaData.HASH, after, through);
    }
}
