package org.agreementledger.ledger.merkle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Perfect subtree roots computed from leaf hashes held in memory, each once. */
final class InMemorySubtrees implements MerkleTree.PerfectSubtrees {

    private final List<byte[]> leafHashes;
    private final Map<String, byte[]> computed = new HashMap<>();

    InMemorySubtrees(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    @Override
    public byte[] root(int level, long index) {
        if (level == 0) {
            return leafHashes.get(Math.toIntExact(index));
        }
        String key = level + "/" + index;
        byte[] root = computed.get(key);
        if (root == null) {
            root = MerkleHash.node(root(level - 1, 2 * index), root(level - 1, 2 * index + 1));
            computed.put(key, root);
        }
        return root;
    }
}
