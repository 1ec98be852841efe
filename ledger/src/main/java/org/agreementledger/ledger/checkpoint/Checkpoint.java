package org.agreementledger.ledger.checkpoint;

import java.util.Base64;

/**
 * A C2SP tlog-checkpoint: which log (its origin), how many leaves, and the root of the tree over
 * them. Its body, signed as a note, is what a log commits to and a witness or auditor keeps.
 *
 * @param origin   the log's name, e.g. {@code agreement-ledger.example.org/log}: no spaces, no {@code +}
 * @param size     the number of leaves
 * @param rootHash the Merkle tree root over them (32 bytes)
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ' || c == '+')) {
            throw new IllegalArgumentException("a checkpoint's origin is a non-empty name without spaces or '+'");
        }
        if (size < 0 || rootHash == null || rootHash.length != 32) {
            throw new IllegalArgumentException("a checkpoint has a size of 0 or more and a 32-byte root");
        }
        rootHash = rootHash.clone();
    }

    /** The body as the format writes it: origin, size and base64 root, each on its line. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Reads a checkpoint body; lines after the root (extensions) are allowed and ignored. */
    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || !body.endsWith("\n") || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("not a checkpoint body: origin, size and root hash, each on a line");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }
}
