package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.ChainHead;
import org.agreementledger.ledger.audit.ChainLink;
import org.agreementledger.ledger.audit.LedgerDigest;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/** Records the ledger digest through the stable position, once per position. */
@Service
public class LedgerDigestRecorder {

    private static final int LINKS_BATCH_SIZE = 2000;

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
                    LedgerDigest.Running digest = headsDigested(through);
                    // the heads that moved since the last digest that kept its heads; all of them for the first
                    List<ChainHead> moved = storedEvents.chainHeadsMovedBetween(
                            recordedDigests.latestPositionWithHeads().orElse(0L), through);
                    return new DigestRecording(recordedDigests.record(through, digest.chainCount(), digest.digest(),
                            Instant.now(clock), moved), true);
                });
    }

    /**
     * Every chain's head through the position, streamed into the digest in its order: each chain's
     * last event by then, from the (agreement, sequence) index, which gives them in that order.
     */
    private LedgerDigest.Running headsDigested(long through) {
        LedgerDigest.Running digest = new LedgerDigest.Running();
        Iterator<ChainLink> links = storedEvents.chainLinksInAgreementOrder(through, LINKS_BATCH_SIZE);
        ChainLink last = null;
        while (links.hasNext()) {
            ChainLink link = links.next();
            if (last != null && !last.agreementId().equals(link.agreementId())) {
                digest.add(last.head());
            }
            last = link;
        }
        if (last != null) {
            digest.add(last.head());
        }
        return digest;
    }
}
