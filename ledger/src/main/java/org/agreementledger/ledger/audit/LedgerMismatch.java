package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;

/**
 * The first thing a verification found that does not match.
 *
 * @param reason         what kind of mismatch
 * @param detail         a sentence for people
 * @param globalPosition the event's global position, or the position a mismatching digest covers
 * @param agreementId    the event's agreement, or the chain a digest names; null for a digest alone
 * @param sequenceNumber the event's number in its agreement's chain, or the chain's head as the digest
 *                       recorded it; null for a digest alone
 * @param expected       what the stored value should be: the recomputed hash ({@code CONTENT_ALTERED},
 *                       {@code MISSING_HASH}), the predecessor's hash ({@code BROKEN_LINK}), the
 *                       recomputed digest (a digest that does not match, a chain named or not), or
 *                       the position the digest covers (a {@code TRUNCATED} tail)
 * @param stored         the value actually stored in its place
 * @param digestId       the id of the mismatching recorded digest; null for an event
 * @param leafIndex      the leaf of the Merkle log that differs, or the tree size of a checkpoint;
 *                       null when the mismatch is not in the log
 */
public record LedgerMismatch(MismatchReason reason,
                             String detail,
                             long globalPosition,
                             String agreementId,
                             Long sequenceNumber,
                             String expected,
                             String stored,
                             Long digestId,
                             Long leafIndex) {

    static LedgerMismatch atEvent(MismatchReason reason, String detail, PositionedEvent positioned,
                                  String expected, String stored) {
        StoredEvent event = positioned.event();
        return new LedgerMismatch(reason, detail, positioned.globalPosition(), event.aggregateIdentifier(),
                event.sequenceNumber(), expected, stored, null, null);
    }

    /** A mismatch of the Merkle log at an event: the event is not its leaf, or is none. */
    static LedgerMismatch atLeaf(MismatchReason reason, String detail, PositionedEvent positioned, long leafIndex,
                                 String expected, String stored) {
        StoredEvent event = positioned.event();
        return new LedgerMismatch(reason, detail, positioned.globalPosition(), event.aggregateIdentifier(),
                event.sequenceNumber(), expected, stored, null, leafIndex);
    }

    /** A mismatch of the Merkle log with no event to name: a leaf without its event, a subtree, a checkpoint. */
    static LedgerMismatch inLog(MismatchReason reason, String detail, long globalPosition, long leafIndex,
                                String expected, String stored) {
        return new LedgerMismatch(reason, detail, globalPosition, null, null, expected, stored, null, leafIndex);
    }

    static LedgerMismatch beyondTheEnd(RecordedDigest digest, long ledgerEnd) {
        return new LedgerMismatch(MismatchReason.TRUNCATED,
                "ledger digest " + digest.id() + " recorded " + digest.chainCount() + " chains through position "
                        + digest.coversThroughPosition() + ", but the ledger ends at position " + ledgerEnd
                        + ": the events after position " + ledgerEnd + " are missing",
                ledgerEnd + 1, null, null, Long.toString(digest.coversThroughPosition()), Long.toString(ledgerEnd),
                digest.id(), null);
    }

    /**
     * A digest that does not match, with the chain that makes it differ: events taken from its end
     * ({@link MismatchReason#TRUNCATED}), or a chain rewritten or added since ({@link MismatchReason#DIGEST_MISMATCH}).
     * Expected and stored are the digests, as for a digest alone.
     *
     * @param recorded the head the digest recorded, null when it recorded no such chain
     * @param stored   the head the stored events give, null when they hold no event of the chain
     */
    static LedgerMismatch atChainHead(RecordedDigest digest, String recomputedDigest, String agreementId,
                                      ChainHead recorded, ChainHead stored) {
        String recordedIt = "ledger digest " + digest.id() + " through position " + digest.coversThroughPosition();
        if (recorded == null) {
            return new LedgerMismatch(MismatchReason.DIGEST_MISMATCH, "agreement " + agreementId + " has events that "
                    + recordedIt + " did not record: they were added since",
                    digest.coversThroughPosition(), agreementId, stored.sequenceNumber(), recomputedDigest,
                    digest.digest(), digest.id(), null);
        }
        if (stored == null || stored.sequenceNumber() < recorded.sequenceNumber()) {
            String missing = stored == null ? "all its events" : "events " + (stored.sequenceNumber() + 1)
                    + " to " + recorded.sequenceNumber();
            return new LedgerMismatch(MismatchReason.TRUNCATED, recordedIt + " recorded agreement " + agreementId
                    + "'s chain up to event " + recorded.sequenceNumber() + "; the stored events "
                    + (stored == null ? "hold none of it" : "end it at event " + stored.sequenceNumber()) + ": "
                    + missing + " are missing",
                    digest.coversThroughPosition(), agreementId, recorded.sequenceNumber(), recomputedDigest,
                    digest.digest(), digest.id(), null);
        }
        return new LedgerMismatch(MismatchReason.DIGEST_MISMATCH, recordedIt + " recorded agreement " + agreementId
                + "'s chain up to event " + recorded.sequenceNumber() + " with hash " + recorded.hash()
                + "; the stored events give event " + stored.sequenceNumber() + " with hash " + stored.hash()
                + ": the chain was rewritten",
                digest.coversThroughPosition(), agreementId, recorded.sequenceNumber(), recomputedDigest,
                digest.digest(), digest.id(), null);
    }

    static LedgerMismatch atDigest(RecordedDigest digest, String recomputed, int recomputedChainCount) {
        return new LedgerMismatch(MismatchReason.DIGEST_MISMATCH,
                "ledger digest " + digest.id() + " recorded " + digest.chainCount() + " chains with digest "
                        + digest.digest() + " through position " + digest.coversThroughPosition()
                        + "; the stored events give " + recomputedChainCount + " chains with digest " + recomputed,
                digest.coversThroughPosition(), null, null, recomputed, digest.digest(), digest.id(), null);
    }
}
