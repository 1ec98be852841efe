package org.agreementledger.ledger.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Follows every agreement's hash chain one agreement after another, in agreement id order, from
 * the links alone (the events' content is checked in global order, by {@link LedgerVerifier}), and
 * recomputes every recorded digest at once on the way: each agreement's head as of each digest's
 * position goes to that digest's running hash, in the order {@link LedgerDigest} takes the heads.
 * The heads the digests recorded come in the same order, so each digest's first differing chain is
 * found on the way too. Memory: one agreement's events, and a running hash per digest.
 */
final class ChainsByAgreement {

    private static final Comparator<ChainLink> IN_GLOBAL_ORDER = Comparator.comparingLong(ChainLink::globalPosition);

    /** One recorded digest (or the ledger's end) recomputed agreement after agreement. */
    static final class DigestRun {

        private final long position;
        private final LedgerDigest.Running digest = new LedgerDigest.Running();
        private boolean headsRecorded;
        private String recomputed;
        private ChainDifference firstDifference;

        private DigestRun(long position) {
            this.position = position;
        }

        private void add(String agreementId, ChainHead head, ChainHead recordedHead) {
            if (head != null) {
                digest.add(head);
            }
            if (firstDifference == null && !Objects.equals(head, recordedHead)) {
                firstDifference = new ChainDifference(agreementId, recordedHead, head);
            }
        }

        private void finish() {
            recomputed = digest.digest();
        }

        String recomputed() {
            return recomputed;
        }

        int chainCount() {
            return digest.chainCount();
        }

        /** Whether the digest kept heads: only then is its first differing chain known. */
        boolean headsRecorded() {
            return headsRecorded;
        }

        /** The first chain, in agreement id order, whose head is not the one the digest recorded; null if none. */
        ChainDifference firstDifference() {
            return firstDifference;
        }
    }

    /** A chain whose head differs from the one a digest recorded: either may be null (no such chain). */
    record ChainDifference(String agreementId, ChainHead recorded, ChainHead stored) {
    }

    private final DigestRun[] runs;
    private final Map<Long, Integer> runOfDigest = new HashMap<>();
    private LedgerMismatch firstBrokenLink;

    /**
     * @param digestsInPositionOrder the recorded digests to recompute, each at or before {@code throughPosition}
     */
    ChainsByAgreement(List<RecordedDigest> digestsInPositionOrder, long throughPosition) {
        runs = new DigestRun[digestsInPositionOrder.size() + 1];
        for (int i = 0; i < digestsInPositionOrder.size(); i++) {
            runs[i] = new DigestRun(digestsInPositionOrder.get(i).coversThroughPosition());
            runOfDigest.put(digestsInPositionOrder.get(i).id(), i);
        }
        runs[runs.length - 1] = new DigestRun(throughPosition);
    }

    /**
     * @param links        the chain fields of every event through the ledger's end, by agreement id (as
     *                     {@link LedgerDigest} orders them) and each agreement's by sequence number
     * @param recordedHeads the heads the digests kept, by agreement id
     */
    void follow(Iterator<ChainLink> links, Iterator<RecordedHead> recordedHeads) {
        ChainLink nextLink = links.hasNext() ? links.next() : null;
        RecordedHead nextRecorded = recordedHeads.hasNext() ? recordedHeads.next() : null;
        String previous = null;
        while (nextLink != null || nextRecorded != null) {
            String agreement = nextLink == null ? nextRecorded.head().agreementId()
                    : nextRecorded == null ? nextLink.agreementId()
                    : min(nextLink.agreementId(), nextRecorded.head().agreementId());
            if (previous != null && LedgerDigest.AGREEMENT_ID_ORDER.compare(agreement, previous) <= 0) {
                throw new IllegalStateException("the chains came out of agreement id order: " + agreement
                        + " after " + previous);
            }
            List<ChainLink> chain = new ArrayList<>();
            while (nextLink != null && nextLink.agreementId().equals(agreement)) {
                chain.add(nextLink);
                nextLink = links.hasNext() ? links.next() : null;
            }
            List<RecordedHead> recorded = new ArrayList<>();
            while (nextRecorded != null && nextRecorded.head().agreementId().equals(agreement)) {
                recorded.add(nextRecorded);
                nextRecorded = recordedHeads.hasNext() ? recordedHeads.next() : null;
            }
            followOne(agreement, chain, recorded);
            previous = agreement;
        }
        for (DigestRun run : runs) {
            run.finish();
        }
    }

    private void followOne(String agreement, List<ChainLink> chain, List<RecordedHead> recorded) {
        // in global order, as a reader of the whole ledger meets them: an event placed before its
        // predecessor is out of place where it stands
        chain.sort(IN_GLOBAL_ORDER);
        List<ChainLink> verified = new ArrayList<>(chain.size());
        ChainHead head = null;
        for (ChainLink link : chain) {
            var broken = link.mismatchAfter(head);
            if (broken.isPresent()) {
                if (firstBrokenLink == null || broken.get().globalPosition() < firstBrokenLink.globalPosition()) {
                    firstBrokenLink = broken.get();
                }
                break;
            }
            head = link.head();
            verified.add(link);
        }
        List<RecordedHead> kept = new ArrayList<>(recorded.size());
        for (RecordedHead recordedHead : recorded) {
            Integer run = runOfDigest.get(recordedHead.digestId());
            if (run != null) {
                runs[run].headsRecorded = true;
                kept.add(recordedHead);
            }
        }
        kept.sort(Comparator.comparingInt(recordedHead -> runOfDigest.get(recordedHead.digestId())));

        int nextVerified = 0;
        int nextKept = 0;
        ChainHead headThen = null;
        ChainHead recordedThen = null;
        for (int run = 0; run < runs.length; run++) {
            while (nextVerified < verified.size() && verified.get(nextVerified).globalPosition() <= runs[run].position) {
                headThen = verified.get(nextVerified++).head();
            }
            while (nextKept < kept.size() && runOfDigest.get(kept.get(nextKept).digestId()) <= run) {
                recordedThen = kept.get(nextKept++).head();
            }
            runs[run].add(agreement, headThen, recordedThen);
        }
    }

    private static String min(String a, String b) {
        return LedgerDigest.AGREEMENT_ID_ORDER.compare(a, b) <= 0 ? a : b;
    }

    /** The broken link at the lowest global position, over all chains; null if none. */
    LedgerMismatch firstBrokenLink() {
        return firstBrokenLink;
    }

    /** The recomputation of the i-th digest given, in position order. */
    DigestRun digest(int i) {
        return runs[i];
    }

    /** The digest of every head through the ledger's end. */
    String currentDigest() {
        return runs[runs.length - 1].recomputed();
    }
}
