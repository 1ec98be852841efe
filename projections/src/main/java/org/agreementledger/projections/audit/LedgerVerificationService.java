package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.ChainLink;
import org.agreementledger.ledger.audit.FoundCheckpoint;
import org.agreementledger.ledger.audit.LedgerVerification;
import org.agreementledger.ledger.audit.LedgerVerifier;
import org.agreementledger.ledger.audit.LogRecords;
import org.agreementledger.ledger.audit.RecordedHead;
import org.agreementledger.ledger.audit.StoredLedger;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.agreementledger.projections.merkle.LogCheckpoints;
import org.agreementledger.projections.merkle.StoredSubtrees;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Verifies every hash chain, every attestation, the Merkle log (leaves, subtrees, and the signed
 * checkpoints in the database and in the copies outside it) and every recorded digest from the
 * stored events, through the stable position: the chains agreement by agreement beside the events
 * in global order, each read a batch at a time, each batch of events hashed on every core while the
 * one before is checked. Its memory does not grow with the ledger.
 */
@Service
public class LedgerVerificationService {

    private static final int BATCH_SIZE = 2000;

    private final LedgerHorizon horizon;
    private final StoredEvents storedEvents;
    private final RecordedDigests recordedDigests;
    private final LogCheckpoints checkpoints;
    private final StoredSubtrees subtrees;
    private final EventAttestation attestation;
    private final Clock clock;
    private volatile LastVerification last;

    /** The outcome of the latest verification on this node, when it finished and how long it took. */
    public record LastVerification(LedgerVerification result, Instant finishedAt, Duration took) {
    }

    public LedgerVerificationService(LedgerHorizon horizon, StoredEvents storedEvents, RecordedDigests recordedDigests,
                                     LogCheckpoints checkpoints, StoredSubtrees subtrees, EventAttestation attestation,
                                     Clock clock) {
        this.horizon = horizon;
        this.storedEvents = storedEvents;
        this.recordedDigests = recordedDigests;
        this.checkpoints = checkpoints;
        this.subtrees = subtrees;
        this.attestation = attestation;
        this.clock = clock;
    }

    public LedgerVerification verify() {
        Instant start = clock.instant();
        LedgerVerification result = verifyNow();
        Instant finished = clock.instant();
        last = new LastVerification(result, finished, Duration.between(start, finished));
        return result;
    }

    public Optional<LastVerification> last() {
        return Optional.ofNullable(last);
    }

    private LedgerVerification verifyNow() {
        // in this order, while the integrator goes on: every checkpoint read covers only leaves read,
        // and every leaf read logs an event at or before the stable position
        List<FoundCheckpoint> found = checkpoints.everyCopy();
        long leaves = subtrees.size();
        long through = horizon.stablePosition();
        List<EventsHashedAhead> reads = new ArrayList<>();
        try {
            return LedgerVerifier.verify(through, new StoredLedger() {
                @Override
                public Iterator<ChainLink> chainLinksInAgreementOrder() {
                    return storedEvents.chainLinksInAgreementOrder(through, BATCH_SIZE);
                }

                @Override
                public Iterator<RecordedHead> recordedHeadsInAgreementOrder() {
                    return recordedDigests.headsKeptInAgreementOrder(BATCH_SIZE);
                }

                @Override
                public Iterator<ChainedEvent> eventsInGlobalOrder() {
                    EventsHashedAhead events = new EventsHashedAhead(storedEvents, 0, through, BATCH_SIZE);
                    reads.add(events);
                    return events;
                }

                @Override
                public LogRecords log() {
                    return new LogRecords(subtrees.leavesBelow(leaves), found, subtrees, checkpoints.verifier());
                }
            }, recordedDigests.all(), attestation);
        } finally {
            reads.forEach(EventsHashedAhead::close);
        }
    }
}
