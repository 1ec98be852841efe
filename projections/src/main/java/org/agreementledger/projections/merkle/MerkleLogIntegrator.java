package org.agreementledger.projections.merkle;

import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.merkle.MerkleHash;
import org.agreementledger.ledger.merkle.MerkleTree;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Appends the ledger's events to its Merkle log as leaves, in global order, only behind the stable
 * position (so an event committing late never lands out of order) and with dense leaf indexes. One
 * integrator at a time among all nodes: whichever takes the advisory lock first, for one batch; the
 * others skip. Each batch's leaves and the perfect subtrees they complete commit together.
 */
@Component
public class MerkleLogIntegrator {

    private static final Logger log = LoggerFactory.getLogger(MerkleLogIntegrator.class);
    /** "LEDGERMK": the advisory lock key of the integrator. */
    private static final long INTEGRATOR_LOCK = 0x4c45444745524d4bL;
    private static final int BATCH_SIZE = 1000;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerHorizon horizon;
    private final StoredEvents storedEvents;
    private final StoredSubtrees subtrees;
    private final LogCheckpoints checkpoints;

    public MerkleLogIntegrator(JdbcTemplate jdbc, TransactionTemplate transaction, LedgerHorizon horizon,
                               StoredEvents storedEvents, StoredSubtrees subtrees, LogCheckpoints checkpoints) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.horizon = horizon;
        this.storedEvents = storedEvents;
        this.subtrees = subtrees;
        this.checkpoints = checkpoints;
    }

    @Scheduled(initialDelayString = "${ledger.merkle.integration-interval:PT1S}",
            fixedDelayString = "${ledger.merkle.integration-interval:PT1S}")
    void integrateNow() {
        try {
            integrate();
        } catch (DataAccessException databaseAway) {
            log.warn("Could not integrate events into the Merkle log: {}", databaseAway.getMessage());
        }
    }

    /**
     * Integrates every event up to the stable position, unless another node holds the integrator's
     * lock, and signs a checkpoint of the tree after each batch.
     */
    public void integrate() {
        if (storedEvents.lastPosition() <= subtrees.lastIntegratedPosition()) {
            return; // nothing new: no need to hold writers for the stable position
        }
        long through = horizon.stablePosition();
        Batch batch;
        do {
            batch = transaction.execute(status -> integrateBatch(through));
            if (batch != null && batch.appended() > 0) {
                checkpoints.writeCopy(batch.size(), batch.checkpoint());
            }
        } while (batch != null && batch.appended() == BATCH_SIZE);
    }

    /** @return what was appended; nothing when another node integrates */
    private Batch integrateBatch(long through) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                INTEGRATOR_LOCK))) {
            return new Batch(0, 0, null);
        }
        long size = subtrees.size();
        List<PositionedEvent> events = storedEvents.page(subtrees.lastIntegratedPosition(), through, BATCH_SIZE);
        for (PositionedEvent event : events) {
            append(size++, event);
        }
        if (events.isEmpty()) {
            return new Batch(0, size, null);
        }
        return new Batch(events.size(), size, checkpoints.sign(size, new MerkleTree(subtrees).root(size)));
    }

    /** One batch: the leaves appended, the log's size after it, and the checkpoint signed of that size. */
    private record Batch(int appended, long size, String checkpoint) {
    }

    /** Appends the leaf and stores every perfect subtree it completes. */
    private void append(long index, PositionedEvent event) {
        byte[] hash = MerkleHash.leaf(leafInput(event));
        subtrees.appendLeaf(index, event.globalPosition(), hash);
        long node = index;
        int level = 0;
        while ((node & 1) == 1) {
            hash = MerkleHash.node(subtrees.root(level, node - 1), hash);
            level++;
            node >>= 1;
            subtrees.appendNode(level, node, hash);
        }
    }

    /**
     * A leaf's input: the 32 bytes of the event's hash as the chain stored it when the event was
     * written, which covers its whole content; recomputed only for an event stored without one.
     */
    static byte[] leafInput(PositionedEvent event) {
        String stored = EventHasher.storedHash(event.event());
        if (stored == null || !HASH.matcher(stored).matches()) {
            log.warn("Event at position {} holds no well-formed hash: its leaf takes the hash of its content",
                    event.globalPosition());
            stored = EventHasher.hash(event.event());
        }
        return HexFormat.of().parseHex(stored);
    }
}
