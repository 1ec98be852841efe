package org.agreementledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right border of a growing log's Merkle tree: the roots of the O(log n) perfect subtrees that
 * its leaves so far split into, largest first. Enough to append leaves and to know the root of the
 * tree after each, in memory, without rereading what is stored; each perfect subtree an append
 * completes is handed to a {@link CompletedSubtrees} so a store can keep it.
 */
public final class CompactRange {

    /** Receives every perfect subtree of height 1 or more that an append completes. */
    @FunctionalInterface
    public interface CompletedSubtrees {

        void completed(int level, long index, byte[] root);
    }

    private final List<byte[]> roots = new ArrayList<>();
    private long size;

    private CompactRange(long size) {
        this.size = size;
    }

    /** The range of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0);
    }

    /** The range of the tree of {@code size} leaves, from the perfect subtrees already stored. */
    public static CompactRange of(long size, MerkleTree.PerfectSubtrees subtrees) {
        CompactRange range = new CompactRange(size);
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                range.roots.add(subtrees.root(level, start >> level));
                start += 1L << level;
            }
        }
        return range;
    }

    /** Appends a leaf, given by its leaf hash, and hands on every perfect subtree it completes. */
    public void append(byte[] leafHash, CompletedSubtrees completed) {
        byte[] hash = leafHash;
        long index = size;
        int level = 0;
        while ((index & 1) == 1) {
            hash = MerkleHash.node(roots.remove(roots.size() - 1), hash);
            level++;
            index >>= 1;
            completed.completed(level, index, hash);
        }
        roots.add(hash);
        size++;
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** MTH of the leaves so far: the roots folded from the right, as RFC 6962 splits a tree. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(roots.get(i), root);
        }
        return root;
    }
}
