package org.agreementledger.projections.merkle;

import org.agreementledger.ledger.audit.AttestationCheck;
import org.agreementledger.ledger.audit.LedgerMismatch;
import org.agreementledger.ledger.audit.LogLeaf;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.merkle.CompactRange;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Appends the ledger's events to its Merkle log as leaves, in global order, only behind the stable
 * position (so an event committing late never lands out of order) and with dense leaf indexes. One
 * integrator at a time among all nodes: whichever takes the advisory lock first, for one batch; the
 * others skip. Each batch's leaves and the perfect subtrees they complete commit together, and the
 * checkpoint of the tree after them is signed.
 *
 * <p>The log signs only what the ledger wrote: an event whose attestation does not verify with the
 * log's key (or that has none once attested events began) is not integrated, and the log stops
 * before it until it is removed or explained; verification names it.
 */
@Component
public class MerkleLogIntegrator {

    private static final Logger log = LoggerFactory.getLogger(MerkleLogIntegrator.class);
    /** "LEDGERMK": the advisory lock key of the integrator. */
    private static final long INTEGRATOR_LOCK = 0x4c45444745524d4bL;
    private static final int BATCH_SIZE = 1000;
    /** How long an integration that must happen now waits for another integrator's batch. */
    private static final String LOCK_WAIT = "5s";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LedgerHorizon horizon;
    private final StoredEvents storedEvents;
    private final StoredSubtrees subtrees;
    private final LogCheckpoints checkpoints;
    private final EventAttestation attestation;
    private long lastRefusedPosition;

    public MerkleLogIntegrator(JdbcTemplate jdbc, TransactionTemplate transaction, LedgerHorizon horizon,
                               StoredEvents storedEvents, StoredSubtrees subtrees, LogCheckpoints checkpoints,
                               EventAttestation attestation) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.horizon = horizon;
        this.storedEvents = storedEvents;
        this.subtrees = subtrees;
        this.checkpoints = checkpoints;
        this.attestation = attestation;
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
        integrate(false);
    }

    /**
     * Integrates every event up to the stable position now, waiting (a few seconds at most) for the
     * batch of another integrator to finish instead of leaving the work to it: for whoever needs
     * the events in the log before it answers.
     *
     * @throws org.springframework.dao.PessimisticLockingFailureException when the wait ran out
     */
    public void integrateWaiting() {
        integrate(true);
    }

    private void integrate(boolean waitForTheLock) {
        if (storedEvents.lastPosition() <= subtrees.lastIntegratedPosition()) {
            return; // nothing new: no need to hold writers for the stable position
        }
        long through = horizon.stablePosition();
        Batch batch;
        do {
            batch = transaction.execute(status -> integrateBatch(through, waitForTheLock));
            if (batch != null && batch.appended() > 0) {
                checkpoints.writeCopy(batch.size(), batch.checkpoint());
            }
        } while (batch != null && batch.appended() == BATCH_SIZE);
    }

    /** @return what was appended; nothing when another node integrates */
    private Batch integrateBatch(long through, boolean waitForTheLock) {
        if (waitForTheLock) {
            jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, INTEGRATOR_LOCK);
        } else if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                INTEGRATOR_LOCK))) {
            return new Batch(0, 0, null);
        }
        long lastIntegrated = subtrees.lastIntegratedPosition();
        CompactRange range = CompactRange.of(subtrees.size(), subtrees);
        AttestationCheck attestations = new AttestationCheck(attestation, attestedSince(lastIntegrated));
        List<PositionedEvent> events = storedEvents.page(lastIntegrated, through, BATCH_SIZE);
        StoredSubtrees.Appending appending = subtrees.appending();
        for (PositionedEvent positioned : events) {
            ChainedEvent event = ChainedEvent.of(positioned);
            Optional<LedgerMismatch> forged = attestations.check(event);
            if (forged.isPresent()) {
                refuse(positioned, forged.get());
                break;
            }
            byte[] leafHash = LogLeaf.hashOf(event);
            appending.leaf(range.size(), event.globalPosition(), leafHash);
            range.append(leafHash, appending::node);
        }
        int appended = appending.store();
        if (appended == 0) {
            return new Batch(0, range.size(), null);
        }
        return new Batch(appended, range.size(), checkpoints.sign(range.size(), range.root()));
    }

    /** The last integrated event's position when it is attested: attestations have begun, none may be missing. */
    private Long attestedSince(long lastIntegrated) {
        return storedEvents.page(lastIntegrated - 1, lastIntegrated, 1).stream()
                .filter(event -> EventHasher.storedAttestation(event.event()) != null)
                .map(PositionedEvent::globalPosition)
                .findFirst().orElse(null);
    }

    private void refuse(PositionedEvent event, LedgerMismatch forgery) {
        if (event.globalPosition() != lastRefusedPosition) {
            lastRefusedPosition = event.globalPosition();
            log.error("The Merkle log stops before the event at position {} (agreement {}, event {}): {}. The log"
                            + " signs nothing past it until it is removed or explained; verification names it.",
                    event.globalPosition(), event.event().aggregateIdentifier(), event.event().sequenceNumber(),
                    forgery.detail());
        }
    }

    /** One batch: the leaves appended, the log's size after it, and the checkpoint signed of that size. */
    private record Batch(int appended, long size, String checkpoint) {
    }
}
