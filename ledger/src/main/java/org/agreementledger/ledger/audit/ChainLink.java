package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.EventHasher;

import java.util.Optional;

/**
 * What a stored event says of its place in its agreement's hash chain: its number in the chain, its
 * stored hash and the hash it names as its predecessor's. Enough to check the links of every chain
 * without the events' content (which the check of each event's hash covers).
 *
 * @param hash         the hash in the event's metadata, or {@code null} when it holds none
 * @param previousHash the previous hash the event names, or {@code null} when its metadata holds none
 */
public record ChainLink(long globalPosition, String agreementId, long sequenceNumber, String hash,
                        String previousHash) {

    public static ChainLink of(ChainedEvent event) {
        return new ChainLink(event.globalPosition(), event.event().aggregateIdentifier(),
                event.event().sequenceNumber(), event.storedHash(), event.storedPreviousHash());
    }

    /**
     * Whether this event follows the chain's head: it holds its hashes, it is the next event of
     * the chain, and it names the head's hash as its predecessor's.
     *
     * @param head the chain's verified head before this event, or null at the chain's start
     */
    public Optional<LedgerMismatch> mismatchAfter(ChainHead head) {
        long expectedSequence = head == null ? 0 : head.sequenceNumber() + 1;
        String expectedPrevious = head == null ? EventHasher.GENESIS : head.hash();
        if (hash == null || previousHash == null) {
            return Optional.of(mismatch(MismatchReason.MISSING_HASH,
                    "the event's metadata holds no " + (hash == null ? "hash" : "previous hash"), null, hash));
        }
        if (sequenceNumber != expectedSequence) {
            return Optional.of(mismatch(MismatchReason.BROKEN_LINK, "the chain expects event " + expectedSequence
                    + " here but finds event " + sequenceNumber + ": an event is missing or out of place",
                    expectedPrevious, previousHash));
        }
        if (!previousHash.equals(expectedPrevious)) {
            return Optional.of(mismatch(MismatchReason.BROKEN_LINK, "the event's previous hash is not the hash of "
                            + (head == null ? "the chain's start (genesis)" : "event " + head.sequenceNumber()),
                    expectedPrevious, previousHash));
        }
        return Optional.empty();
    }

    /** The chain's head once this event is verified. */
    public ChainHead head() {
        return new ChainHead(agreementId, sequenceNumber, hash);
    }

    private LedgerMismatch mismatch(MismatchReason reason, String detail, String expected, String stored) {
        return new LedgerMismatch(reason, detail, globalPosition, agreementId, sequenceNumber, expected, stored,
                null, null);
    }
}
