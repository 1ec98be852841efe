package org.agreementledger.ledger.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks inclusion and consistency proofs against tree roots, as RFC 9162 §2.1.3.2 and §2.1.4.2
 * define them: what an auditor runs, offline, against a checkpoint it trusts. Each check answers
 * nothing or throws a {@link ProofException} saying what does not hold.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Leaf {@code index}, whose leaf hash is given, is in the tree of {@code size} leaves with this root. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws ProofException {
        requireMatch(rootFromInclusion(index, size, leafHash, proof), root,
                "the inclusion proof of leaf " + index + " gives another root for size " + size);
    }

    /** The root an inclusion proof leads to. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws ProofException {
        if (index < 0 || index >= size) {
            throw new ProofException("leaf " + index + " is not in a tree of size " + size);
        }
        if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
            throw new ProofException("a leaf hash has " + MerkleHash.SIZE + " bytes");
        }
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        if (proof.size() != inner + border) {
            throw new ProofException("an inclusion proof of leaf " + index + " in a tree of size " + size + " has "
                    + (inner + border) + " hashes, not " + proof.size());
        }
        byte[] hash = chainInner(leafHash, proof.subList(0, inner), index);
        return chainBorderRight(hash, proof.subList(inner, proof.size()));
    }

    /** The tree of {@code size1} leaves with root1 is a prefix of the tree of {@code size2} leaves with root2. */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws ProofException {
        if (size2 < size1) {
            throw new ProofException("size " + size2 + " is smaller than size " + size1);
        }
        if (size1 < 1) {
            throw new ProofException("the empty tree is a prefix of every tree: there is nothing to prove");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("trees of one size need an empty proof");
            }
            requireMatch(root1, root2, "two trees of size " + size1 + " with different roots");
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("an empty proof between sizes " + size1 + " and " + size2);
        }
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift;
        // the proof starts with the root of the subtree of size 2^shift, unless that subtree is the whole first tree
        boolean firstTreeIsPerfect = size1 == 1L << shift;
        byte[] seed = firstTreeIsPerfect ? root1 : proof.get(0);
        int start = firstTreeIsPerfect ? 0 : 1;
        if (proof.size() != start + inner + border) {
            throw new ProofException("a consistency proof from size " + size1 + " to size " + size2 + " has "
                    + (start + inner + border) + " hashes, not " + proof.size());
        }
        List<byte[]> path = proof.subList(start, proof.size());
        long mask = (size1 - 1) >>> shift;
        byte[] first = chainBorderRight(chainInnerRight(seed, path.subList(0, inner), mask),
                path.subList(inner, path.size()));
        requireMatch(first, root1, "the consistency proof does not lead to the root of size " + size1);
        byte[] second = chainBorderRight(chainInner(seed, path.subList(0, inner), mask), path.subList(inner, path.size()));
        requireMatch(second, root2, "the consistency proof does not lead to the root of size " + size2);
    }

    /** How many of the proof's hashes lie below the point where the leaf's path meets the tree's right border. */
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        byte[] hash = seed;
        for (int i = 0; i < proof.size(); i++) {
            hash = ((index >>> i) & 1) == 0 ? MerkleHash.node(hash, proof.get(i)) : MerkleHash.node(proof.get(i), hash);
        }
        return hash;
    }

    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        byte[] hash = seed;
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                hash = MerkleHash.node(proof.get(i), hash);
            }
        }
        return hash;
    }

    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        byte[] hash = seed;
        for (byte[] sibling : proof) {
            hash = MerkleHash.node(sibling, hash);
        }
        return hash;
    }

    private static void requireMatch(byte[] computed, byte[] expected, String otherwise) throws ProofException {
        if (expected == null || !MessageDigest.isEqual(computed, expected)) {
            throw new ProofException(otherwise);
        }
    }
}
