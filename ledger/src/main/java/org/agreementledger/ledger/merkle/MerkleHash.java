package org.agreementledger.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashes of an RFC 6962 (RFC 9162 §2.1) Merkle tree, SHA-256, with domain-separated leaves and nodes. */
public final class MerkleHash {

    /** The bytes of every hash. */
    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leaf(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(leaf);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
