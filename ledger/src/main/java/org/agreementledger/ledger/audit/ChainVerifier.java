package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows every agreement's hash chain through stored events given in global order, recomputing
 * each event's hash from its stored content. It keeps only each chain's head, so it can check a
 * ledger of any length read in batches.
 */
public final class ChainVerifier {

    private final Map<String, ChainHead> heads = new HashMap<>();
    private long eventsChecked;

    /** Checks the next event; on a mismatch the chain is left as it was, and checking should stop. */
    public Optional<LedgerMismatch> check(ChainedEvent chained) {
        PositionedEvent positioned = chained.positioned();
        StoredEvent event = chained.event();
        ChainHead predecessor = heads.get(event.aggregateIdentifier());
        long expectedSequence = predecessor == null ? 0 : predecessor.sequenceNumber() + 1;
        String expectedPrevious = predecessor == null ? EventHasher.GENESIS : predecessor.hash();
        String storedHash = chained.storedHash();
        String storedPrevious = chained.storedPreviousHash();
        String recomputedHash = chained.recomputedHash();

        if (storedHash == null || storedPrevious == null) {
            return Optional.of(LedgerMismatch.atEvent(MismatchReason.MISSING_HASH,
                    "the event's metadata holds no " + (storedHash == null ? "hash" : "previous hash"),
                    positioned, recomputedHash, storedHash));
        }
        if (event.sequenceNumber() != expectedSequence) {
            return Optional.of(LedgerMismatch.atEvent(MismatchReason.BROKEN_LINK,
                    "the chain expects event " + expectedSequence + " here but finds event "
                            + event.sequenceNumber() + ": an event is missing or out of place",
                    positioned, expectedPrevious, storedPrevious));
        }
        if (!storedPrevious.equals(expectedPrevious)) {
            return Optional.of(LedgerMismatch.atEvent(MismatchReason.BROKEN_LINK,
                    "the event's previous hash is not the hash of "
                            + (predecessor == null ? "the chain's start (genesis)" : "event " + predecessor.sequenceNumber()),
                    positioned, expectedPrevious, storedPrevious));
        }
        if (!storedHash.equals(recomputedHash)) {
            return Optional.of(LedgerMismatch.atEvent(MismatchReason.CONTENT_ALTERED,
                    "the event's stored content does not give its stored hash",
                    positioned, recomputedHash, storedHash));
        }
        heads.put(event.aggregateIdentifier(), new ChainHead(event.aggregateIdentifier(), event.sequenceNumber(),
                storedHash));
        eventsChecked++;
        return Optional.empty();
    }

    /** The head of every chain seen so far, each verified. */
    public Collection<ChainHead> heads() {
        return heads.values();
    }

    public Optional<ChainHead> headOf(String agreementId) {
        return Optional.ofNullable(heads.get(agreementId));
    }

    /** How many events were checked and found to match. */
    public long eventsChecked() {
        return eventsChecked;
    }
}
