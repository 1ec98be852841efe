package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.EventAttestation;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Verifies the whole ledger from its stored events, in two passes whose memory does not grow with
 * the ledger, made at once on two threads. One goes agreement by agreement ({@link ChainsByAgreement}):
 * every chain's links, and every recorded digest recomputed from the chain heads as of its position.
 * The other goes in global order: the Merkle log recomputed from the events and compared with its
 * stored leaves, subtrees and signed checkpoints; every event's hash recomputed from its content;
 * every attestation. When a link broke no later than the first mismatch in global order, the pass in
 * global order is made again up to that link, so that what is named, and the counts, are as if the
 * events had been checked one after another. Both passes may read in batches.
 *
 * <p>A checkpoint the log's key did not sign is named first. Otherwise the first event, in global
 * order, that does not match ends the verification and is named, its checks in this order: its
 * leaf (a deleted row is named at its leaf, before the broken link it leaves), its hashes, its link,
 * its content, its attestation. A digest that does not match is named only when every event
 * matches, because a removed or altered event names the place of the damage better than the
 * digest after it. After the last event: leaves or checkpoints beyond it (a truncated tail), then
 * the first digest that did not match, then a digest recorded beyond the ledger's end.
 */
public final class LedgerVerifier {

    private final List<RecordedDigest> digests;
    private final AttestationCheck attestations;
    private final LogCheck log;
    private int digestsChecked;
    private long eventsChecked;
    private int chainsChecked;
    /** The position of the event being checked when a mismatch was found; none yet. */
    private long stoppedAt = Long.MAX_VALUE;

    private LedgerVerifier(List<RecordedDigest> digestsInPositionOrder, EventAttestation attestation, LogCheck log) {
        this.digests = digestsInPositionOrder;
        this.attestations = new AttestationCheck(attestation, null);
        this.log = log;
    }

    /**
     * @param throughPosition the ledger's end: the stable position, which no digest recorded before can
     *                        cover more than; one that does shows a truncated tail
     * @param ledger          the ledger as stored, every event at or before {@code throughPosition}
     * @param recordedDigests the digests recorded so far, in any order
     * @param attestation     checks the writing nodes' attestations with the log's key
     */
    public static LedgerVerification verify(long throughPosition, StoredLedger ledger,
                                            List<RecordedDigest> recordedDigests, EventAttestation attestation) {
        Optional<RecordedDigest> beyondTheEnd = recordedDigests.stream()
                .filter(digest -> digest.coversThroughPosition() > throughPosition)
                .min(Comparator.comparingLong(RecordedDigest::coversThroughPosition));
        List<RecordedDigest> digests = recordedDigests.stream()
                .filter(digest -> digest.coversThroughPosition() <= throughPosition)
                .sorted(Comparator.comparingLong(RecordedDigest::coversThroughPosition))
                .toList();
        CompletableFuture<ChainsByAgreement> chainsFollowed = CompletableFuture.supplyAsync(() -> {
            ChainsByAgreement chains = new ChainsByAgreement(digests, throughPosition);
            chains.follow(ledger.chainLinksInAgreementOrder(), ledger.recordedHeadsInAgreementOrder());
            return chains;
        }, LedgerVerifier::onItsOwnThread);

        LedgerVerifier pass = new LedgerVerifier(digests, attestation, new LogCheck(ledger.log()));
        Optional<LedgerMismatch> unsigned = pass.log.unsignedCheckpoint();
        if (unsigned.isPresent()) {
            return pass.result(throughPosition, unsigned.get(), null);
        }
        Optional<LedgerMismatch> eventMismatch = pass.checkInGlobalOrder(ledger.eventsInGlobalOrder(), null);
        ChainsByAgreement chains = joined(chainsFollowed);
        LedgerMismatch brokenLink = chains.firstBrokenLink();
        if (brokenLink != null && pass.stoppedAt >= brokenLink.globalPosition()) {
            pass = new LedgerVerifier(digests, attestation, new LogCheck(ledger.log()));
            eventMismatch = pass.checkInGlobalOrder(ledger.eventsInGlobalOrder(), brokenLink);
        }
        if (eventMismatch.isPresent()) {
            return pass.result(throughPosition, eventMismatch.get(), chains);
        }
        pass.countDigestsBefore(Long.MAX_VALUE);
        LedgerVerifier finished = pass;
        Optional<LedgerMismatch> afterTheEvents = pass.log.finish()
                .or(() -> finished.firstDigestMismatch(chains))
                .or(() -> beyondTheEnd.map(digest -> LedgerMismatch.beyondTheEnd(digest, throughPosition)));
        return pass.result(throughPosition, afterTheEvents.orElse(null), chains);
    }

    private static void onItsOwnThread(Runnable work) {
        Thread thread = new Thread(work, "ledger-verification-chains");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /**
     * The first event that does not match, in global order; the events after it are not read.
     *
     * @param brokenLink the first broken link, checked at its event after the event's hashes; null
     *                   when the links are left out
     */
    private Optional<LedgerMismatch> checkInGlobalOrder(Iterator<ChainedEvent> events, LedgerMismatch brokenLink) {
        long brokenAt = brokenLink == null ? Long.MAX_VALUE : brokenLink.globalPosition();
        while (events.hasNext()) {
            ChainedEvent event = events.next();
            countDigestsBefore(event.globalPosition());
            Optional<LedgerMismatch> mismatch = log.check(event)
                    .or(() -> ChainVerifier.hashMissing(event))
                    .or(() -> event.globalPosition() >= brokenAt ? Optional.of(brokenLink) : Optional.empty())
                    .or(() -> ChainVerifier.contentAltered(event))
                    .or(() -> attestations.check(event));
            if (mismatch.isPresent()) {
                stoppedAt = event.globalPosition();
                return mismatch;
            }
            eventsChecked++;
            if (event.event().sequenceNumber() == 0) {
                chainsChecked++;
            }
        }
        if (brokenLink != null) {
            stoppedAt = brokenAt;
        }
        return Optional.ofNullable(brokenLink);
    }

    /** Counts the digests that cover only positions before the given one: all their events were followed. */
    private void countDigestsBefore(long position) {
        while (digestsChecked < digests.size() && digests.get(digestsChecked).coversThroughPosition() < position) {
            digestsChecked++;
        }
    }

    private Optional<LedgerMismatch> firstDigestMismatch(ChainsByAgreement chains) {
        for (int i = 0; i < digests.size(); i++) {
            RecordedDigest recorded = digests.get(i);
            ChainsByAgreement.DigestRun recomputed = chains.digest(i);
            if (!recomputed.recomputed().equals(recorded.digest()) || recomputed.chainCount() != recorded.chainCount()) {
                ChainsByAgreement.ChainDifference difference = recomputed.headsRecorded() ? recomputed.firstDifference() : null;
                return Optional.of(difference == null
                        ? LedgerMismatch.atDigest(recorded, recomputed.recomputed(), recomputed.chainCount())
                        : LedgerMismatch.atChainHead(recorded, recomputed.recomputed(), difference.agreementId(),
                                difference.recorded(), difference.stored()));
            }
        }
        return Optional.empty();
    }

    private LedgerVerification result(long throughPosition, LedgerMismatch mismatch, ChainsByAgreement chains) {
        return new LedgerVerification(mismatch == null, throughPosition, eventsChecked, chainsChecked,
                digestsChecked, log.leavesChecked(), log.checkpointsChecked(),
                mismatch == null ? chains.currentDigest() : null, mismatch);
    }
}
