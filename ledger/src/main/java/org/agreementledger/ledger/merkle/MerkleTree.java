package org.agreementledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A log's Merkle tree (RFC 6962 §2.1): the root of any prefix of the log, inclusion proofs and
 * consistency proofs, all computed from the roots of perfect subtrees. Any range of leaves splits
 * into O(log n) perfect, aligned subtrees, so a store that keeps each perfect subtree's root once it
 * is complete answers every root and proof with O(log n) lookups, never the whole tree.
 */
public final class MerkleTree {

    /** Where the tree's perfect subtrees come from. */
    @FunctionalInterface
    public interface PerfectSubtrees {

        /**
         * The root of the perfect subtree of height {@code level} over the leaves
         * {@code [index * 2^level, (index + 1) * 2^level)}; at level 0, the leaf hash of leaf {@code index}.
         */
        byte[] root(int level, long index);
    }

    private final PerfectSubtrees subtrees;

    public MerkleTree(PerfectSubtrees subtrees) {
        this.subtrees = subtrees;
    }

    /** The leaf hash of leaf {@code index}. */
    public byte[] leafHash(long index) {
        return subtrees.root(0, index);
    }

    /** MTH(D[0:size]): the root of the tree over the first {@code size} leaves. */
    public byte[] root(long size) {
        return size == 0 ? MerkleHash.empty() : rootOf(0, size);
    }

    /** PATH(index, D[0:size]): the hashes that lead from leaf {@code index} to the root of the tree of that size. */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(size1, D[0:size2]): the hashes that show the tree of size1 is a prefix of the tree of size2. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, proof);
        return proof;
    }

    /** Leaf {@code index} of the range [start, end), appended deepest sibling first. */
    private void path(long index, long start, long end, List<byte[]> proof) {
        if (end - start == 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(end - start);
        if (index < split) {
            path(index, start, start + split, proof);
            proof.add(rootOf(start + split, end));
        } else {
            path(index - split, start + split, end, proof);
            proof.add(rootOf(start, start + split));
        }
    }

    /** SUBPROOF(m, D[start:end], whole) of RFC 6962 §2.1.2. */
    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                proof.add(rootOf(start, end));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (m <= split) {
            subproof(m, start, start + split, whole, proof);
            proof.add(rootOf(start + split, end));
        } else {
            subproof(m - split, start + split, end, false, proof);
            proof.add(rootOf(start, start + split));
        }
    }

    /** MTH(D[start:end]) for a non-empty range whose start is aligned to the largest power of two in it. */
    private byte[] rootOf(long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.root(level, start >> level);
        }
        long split = largestPowerOfTwoBelow(size);
        return MerkleHash.node(rootOf(start, start + split), rootOf(start + split, end));
    }

    /** The largest power of two smaller than {@code n}, for n of at least 2. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
