package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;

/**
 * The first thing a verification found that does not match.
 *
 * @param reason         what kind of mismatch
 * @param detail         a sentence for people
 * @param globalPosition the event's global position, or the position a mismatching digest covers
 * @param agreementId    the event's agreement; null for a digest
 * @param sequenceNumber the event's number in its agreement's chain; null for a digest
 * @param expected       what the stored value should be: the recomputed hash ({@code CONTENT_ALTERED},
 *                       {@code MISSING_HASH}), the predecessor's hash ({@code BROKEN_LINK}) or the
 *                       recomputed digest ({@code DIGEST_MISMATCH})
 * @param stored         the value actually stored in its place
 * @param digestId       the id of the mismatching recorded digest; null for an event
 */
public record LedgerMismatch(MismatchReason reason,
                             String detail,
                             long globalPosition,
                             String agreementId,
                             Long sequenceNumber,
                             String expected,
                             String stored,
                             Long digestId) {

    static LedgerMismatch atEvent(MismatchReason reason, String detail, PositionedEvent positioned,
                                  String expected, String stored) {
        StoredEvent event = positioned.event();
        return new LedgerMismatch(reason, detail, positioned.globalPosition(), event.aggregateIdentifier(),
                event.sequenceNumber(), expected, stored, null);
    }

    static LedgerMismatch beyondTheEnd(RecordedDigest digest, long ledgerEnd) {
        return new LedgerMismatch(MismatchReason.TRUNCATED,
                "ledger digest " + digest.id() + " recorded " + digest.chainCount() + " chains through position "
                        + digest.coversThroughPosition() + ", but the ledger ends at position " + ledgerEnd
                        + ": the events after position " + ledgerEnd + " are missing",
                ledgerEnd + 1, null, null, Long.toString(digest.coversThroughPosition()), Long.toString(ledgerEnd),
                digest.id());
    }

    static LedgerMismatch atDigest(RecordedDigest digest, String recomputed, int recomputedChainCount) {
        return new LedgerMismatch(MismatchReason.DIGEST_MISMATCH,
                "ledger digest " + digest.id() + " recorded " + digest.chainCount() + " chains with digest "
                        + digest.digest() + " through position " + digest.coversThroughPosition()
                        + "; the stored events give " + recomputedChainCount + " chains with digest " + recomputed,
                digest.coversThroughPosition(), null, null, recomputed, digest.digest(), digest.id());
    }
}
