package org.agreementledger.projections.agreement;

import jakarta.annotation.Nonnull;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's JDBC token store, storing a segment's token only on top of the one this node last read or
 * stored: each store moves the segment's {@code batch_version} on by one from the version this node
 * holds, in the batch's transaction. A batch whose commit was lost (the read side's batches do not
 * wait for their fsync; a failover or a crash of the database can lose the last ones while the
 * service runs on) leaves the database a version behind the node: the node's next batch is then
 * refused, its work package aborted, and the segment claimed again from the position the database
 * holds, so that the lost batch's events are projected again instead of skipped.
 */
public class BatchGuardedTokenStore extends JdbcTokenStore {

    /** The token table, as the ledger's migrations create it (V1_0, and V2_8 for the batch version). */
    public static final TokenSchema TOKEN_TABLE = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    private final JdbcTemplate jdbc;
    private final Map<SegmentKey, Long> versions = new ConcurrentHashMap<>();

    public BatchGuardedTokenStore(JdbcTokenStore.Builder builder, JdbcTemplate jdbc) {
        super(builder);
        this.jdbc = jdbc;
    }

    @Override
    public TrackingToken fetchToken(@Nonnull String processorName, int segment) throws UnableToClaimTokenException {
        TrackingToken token = super.fetchToken(processorName, segment);
        readVersion(processorName, segment);
        return token;
    }

    @Override
    public TrackingToken fetchToken(@Nonnull String processorName, @Nonnull Segment segment)
            throws UnableToClaimTokenException {
        TrackingToken token = super.fetchToken(processorName, segment);
        readVersion(processorName, segment.getSegmentId());
        return token;
    }

    @Override
    public void storeToken(TrackingToken token, @Nonnull String processorName, int segment)
            throws UnableToClaimTokenException {
        SegmentKey key = new SegmentKey(processorName, segment);
        Long held = versions.get(key);
        if (held != null) {
            int moved = jdbc.update("""
                    UPDATE token_entry SET batch_version = batch_version + 1
                    WHERE processor_name = ? AND segment = ? AND batch_version = ?""", processorName, segment, held);
            if (moved == 0) {
                versions.remove(key);
                throw new UnableToClaimTokenException("Segment " + segment + " of " + processorName + " is not where"
                        + " this node last stored it: a batch's commit was lost (a failover, or a crash of the"
                        + " database); the segment is claimed again from the position the database holds");
            }
            whenCommitted(() -> versions.put(key, held + 1));
        }
        super.storeToken(token, processorName, segment);
    }

    @Override
    public void releaseClaim(@Nonnull String processorName, int segment) {
        super.releaseClaim(processorName, segment);
        versions.remove(new SegmentKey(processorName, segment));
    }

    private void readVersion(String processorName, int segment) {
        Long version = jdbc.queryForObject(
                "SELECT batch_version FROM token_entry WHERE processor_name = ? AND segment = ?",
                Long.class, processorName, segment);
        versions.put(new SegmentKey(processorName, segment), version);
    }

    private static void whenCommitted(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private record SegmentKey(String processorName, int segment) {
    }
}
