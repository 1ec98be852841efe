package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.ChainedEvent;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies the whole ledger from its stored events: every event's hash, link and attestation; the
 * Merkle log recomputed from them and compared with its stored leaves, subtrees and signed
 * checkpoints; and every recorded digest recomputed from the chain heads as of its position. Events
 * come in global order and are checked one at a time, so the caller may read them in batches; only
 * the chain heads and the log's right border are kept.
 *
 * <p>A checkpoint the log's key did not sign is named first. An event that does not match ends
 * the verification and is named (its leaf first: a deleted row is named at its leaf, before the
 * broken link it leaves). A digest that does not match is remembered and the events are followed
 * on, because a removed or altered event names the place of the damage better than the digest
 * after it. After the last event: leaves or checkpoints beyond it (a truncated tail), then the
 * first digest that did not match, then a digest recorded beyond the ledger's end.
 */
public final class LedgerVerifier {

    private final ChainVerifier chains = new ChainVerifier();
    private final Deque<RecordedDigest> digestsToCheck;
    private final RecordedChainHeads recordedHeads;
    private final AttestationCheck attestations;
    private final LogCheck log;
    private int digestsChecked;
    private LedgerMismatch firstDigestMismatch;

    private LedgerVerifier(List<RecordedDigest> digests, Map<Long, List<ChainHead>> headChanges,
                           EventAttestation attestation, LogRecords log) {
        this.attestations = new AttestationCheck(attestation, null);
        this.digestsToCheck = new ArrayDeque<>(digests.stream()
                .sorted(Comparator.comparingLong(RecordedDigest::coversThroughPosition))
                .toList());
        this.recordedHeads = new RecordedChainHeads(headChanges);
        this.log = new LogCheck(log);
    }

    /**
     * @param throughPosition     the ledger's end: the stable position, which no digest recorded
     *                            before can cover more than; one that does shows a truncated tail
     * @param eventsInGlobalOrder every stored event at or before {@code throughPosition}, in global order (each
     *                            may be hashed ahead, on other threads)
     * @param recordedDigests     the digests recorded so far, in any order
     * @param headChanges         by digest id, the chain heads that changed since the digest before it
     *                            (none for digests recorded before heads were kept)
     * @param attestation         checks the writing nodes' attestations with the log's key
     * @param log                 the Merkle log as stored, all of it within {@code throughPosition}
     */
    public static LedgerVerification verify(long throughPosition, Iterator<ChainedEvent> eventsInGlobalOrder,
                                            List<RecordedDigest> recordedDigests,
                                            Map<Long, List<ChainHead>> headChanges,
                                            EventAttestation attestation, LogRecords log) {
        Optional<RecordedDigest> beyondTheEnd = recordedDigests.stream()
                .filter(digest -> digest.coversThroughPosition() > throughPosition)
                .min(Comparator.comparingLong(RecordedDigest::coversThroughPosition));
        LedgerVerifier verifier = new LedgerVerifier(recordedDigests.stream()
                .filter(digest -> digest.coversThroughPosition() <= throughPosition)
                .toList(), headChanges, attestation, log);
        Optional<LedgerMismatch> unsigned = verifier.log.unsignedCheckpoint();
        if (unsigned.isPresent()) {
            return verifier.result(throughPosition, unsigned.get());
        }
        while (eventsInGlobalOrder.hasNext()) {
            ChainedEvent event = eventsInGlobalOrder.next();
            verifier.checkDigestsBefore(event.globalPosition());
            Optional<LedgerMismatch> mismatch = verifier.log.check(event)
                    .or(() -> verifier.chains.check(event))
                    .or(() -> verifier.attestations.check(event));
            if (mismatch.isPresent()) {
                return verifier.result(throughPosition, mismatch.get());
            }
        }
        verifier.checkDigestsBefore(Long.MAX_VALUE);
        Optional<LedgerMismatch> logMismatch = verifier.log.finish();
        if (logMismatch.isPresent()) {
            return verifier.result(throughPosition, logMismatch.get());
        }
        if (verifier.firstDigestMismatch == null && beyondTheEnd.isPresent()) {
            return verifier.result(throughPosition, LedgerMismatch.beyondTheEnd(beyondTheEnd.get(), throughPosition));
        }
        return verifier.result(throughPosition, verifier.firstDigestMismatch);
    }

    /** Checks the digests that cover only positions before the given one: all their events have been followed. */
    private void checkDigestsBefore(long position) {
        while (!digestsToCheck.isEmpty() && digestsToCheck.peek().coversThroughPosition() < position) {
            RecordedDigest recorded = digestsToCheck.poll();
            recordedHeads.advanceTo(recorded);
            String recomputed = LedgerDigest.of(chains.heads());
            int chainCount = chains.heads().size();
            digestsChecked++;
            if (firstDigestMismatch == null
                    && (!recomputed.equals(recorded.digest()) || chainCount != recorded.chainCount())) {
                firstDigestMismatch = recordedHeads.firstDifference(recorded, recomputed, chains.heads())
                        .orElseGet(() -> LedgerMismatch.atDigest(recorded, recomputed, chainCount));
            }
        }
    }

    private LedgerVerification result(long throughPosition, LedgerMismatch mismatch) {
        return new LedgerVerification(mismatch == null, throughPosition, chains.eventsChecked(),
                chains.heads().size(), digestsChecked, log.leavesChecked(), log.checkpointsChecked(),
                mismatch == null ? LedgerDigest.of(chains.heads()) : null, mismatch);
    }
}
