package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.ChainHead;
import org.agreementledger.ledger.audit.LedgerDigest;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records the ledger digest through the stable position, once per position. */
@Service
public class LedgerDigestRecorder {

    private static final int HEADS_BATCH_SIZE = 2000;

    private final LedgerHorizon horizon;
    private final StoredEvents storedEvents;
    private final RecordedDigests recordedDigests;
    private final Clock clock;

    public LedgerDigestRecorder(LedgerHorizon horizon, StoredEvents storedEvents, RecordedDigests recordedDigests,
                                Clock clock) {
        this.horizon = horizon;
        this.storedEvents = storedEvents;
        this.recordedDigests = recordedDigests;
        this.clock = clock;
    }

    public DigestRecording record() {
        long through = horizon.stablePosition();
        return recordedDigests.coveringExactly(through)
                .map(existing -> new DigestRecording(existing, false))
                .orElseGet(() -> {
                    LedgerDigest.Running digest = new LedgerDigest.Running();
                    storedEvents.chainHeadsThrough(through, HEADS_BATCH_SIZE).forEachRemaining(digest::add);
                    // the heads that moved since the last digest that kept its heads; all of them for the first
                    List<ChainHead> moved = storedEvents.chainHeadsMovedBetween(
                            recordedDigests.latestPositionWithHeads().orElse(0L), through);
                    return new DigestRecording(recordedDigests.record(through, digest.chainCount(), digest.digest(),
                            Instant.now(clock), moved), true);
                });
    }
}
