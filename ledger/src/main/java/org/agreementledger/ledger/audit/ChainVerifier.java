package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follows hash chains through stored events, recomputing each event's hash from its stored
 * content: for one agreement's history, or for a few events. It keeps each chain's head; the whole
 * ledger is verified by {@link LedgerVerifier}, whose memory does not grow with the chains.
 */
public final class ChainVerifier {

    private final Map<String, ChainHead> heads = new HashMap<>();
    private long eventsChecked;

    /** Checks the next event of its chain; on a mismatch the chain is left as it was, and checking should stop. */
    public Optional<LedgerMismatch> check(ChainedEvent chained) {
        ChainLink link = ChainLink.of(chained);
        Optional<LedgerMismatch> mismatch = hashMissing(chained)
                .or(() -> link.mismatchAfter(heads.get(link.agreementId())))
                .or(() -> contentAltered(chained));
        if (mismatch.isEmpty()) {
            heads.put(link.agreementId(), link.head());
            eventsChecked++;
        }
        return mismatch;
    }

    public Optional<ChainHead> headOf(String agreementId) {
        return Optional.ofNullable(heads.get(agreementId));
    }

    /** How many events were checked and found to match. */
    public long eventsChecked() {
        return eventsChecked;
    }

    /** An event whose metadata holds no hash, or no previous hash, named with the hash its content gives. */
    static Optional<LedgerMismatch> hashMissing(ChainedEvent chained) {
        String storedHash = chained.storedHash();
        if (storedHash != null && chained.storedPreviousHash() != null) {
            return Optional.empty();
        }
        return Optional.of(LedgerMismatch.atEvent(MismatchReason.MISSING_HASH,
                "the event's metadata holds no " + (storedHash == null ? "hash" : "previous hash"),
                chained.positioned(), chained.recomputedHash(), storedHash));
    }

    /** An event whose stored content does not give its stored hash. */
    static Optional<LedgerMismatch> contentAltered(ChainedEvent chained) {
        PositionedEvent positioned = chained.positioned();
        String recomputedHash = chained.recomputedHash();
        if (recomputedHash.equals(chained.storedHash())) {
            return Optional.empty();
        }
        return Optional.of(LedgerMismatch.atEvent(MismatchReason.CONTENT_ALTERED,
                "the event's stored content does not give its stored hash",
                positioned, recomputedHash, chained.storedHash()));
    }
}
