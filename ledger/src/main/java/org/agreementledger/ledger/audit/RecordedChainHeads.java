package org.agreementledger.ledger.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The chain heads each recorded digest was taken over, rebuilt digest after digest from the heads
 * that changed since the one before (what is stored with each digest). Where a digest does not
 * match, they name the chain that differs: the one whose events were taken away or rewritten.
 * Digests recorded before heads were kept have none: until the first that has, the heads are unknown.
 */
final class RecordedChainHeads {

    private final Map<Long, List<ChainHead>> changesByDigest;
    private final Map<String, ChainHead> heads = new HashMap<>();
    private boolean known;

    RecordedChainHeads(Map<Long, List<ChainHead>> changesByDigest) {
        this.changesByDigest = changesByDigest;
    }

    /** Follows the ledger to the digest given, the next in position order. */
    void advanceTo(RecordedDigest digest) {
        List<ChainHead> changes = changesByDigest.getOrDefault(digest.id(), List.of());
        known = !changes.isEmpty();
        changes.forEach(head -> heads.put(head.agreementId(), head));
    }

    /** The first chain, in agreement id order, whose recomputed head is not the one the digest recorded. */
    Optional<LedgerMismatch> firstDifference(RecordedDigest digest, String recomputedDigest,
                                             Collection<ChainHead> recomputedHeads) {
        if (!known) {
            return Optional.empty();
        }
        Map<String, ChainHead> recomputed = new HashMap<>();
        recomputedHeads.forEach(head -> recomputed.put(head.agreementId(), head));
        TreeSet<String> agreements = new TreeSet<>(heads.keySet());
        agreements.addAll(recomputed.keySet());
        for (String agreement : agreements) {
            ChainHead recorded = heads.get(agreement);
            ChainHead stored = recomputed.get(agreement);
            if (recorded == null || !recorded.equals(stored)) {
                return Optional.of(LedgerMismatch.atChainHead(digest, recomputedDigest, agreement, recorded, stored));
            }
        }
        return Optional.empty();
    }
}
