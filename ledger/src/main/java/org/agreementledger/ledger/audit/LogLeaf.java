package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.merkle.MerkleHash;

import java.util.HexFormat;

/**
 * An event's leaf in the ledger's Merkle log. Its input is the 32 bytes of the event's hash as the
 * chain stored it when the event was written, which covers the event's whole content; for an event
 * stored without a well-formed hash, the hash of its content.
 */
public final class LogLeaf {

    private LogLeaf() {
    }

    /** The leaf hash of a stored event. */
    public static byte[] hashOf(ChainedEvent event) {
        String stored = event.storedHash();
        return hashOf(isWellFormed(stored) ? stored : event.recomputedHash());
    }

    /** 64 lowercase hex digits; checked for every event verified, so without a pattern matcher. */
    private static boolean isWellFormed(String hash) {
        if (hash == null || hash.length() != 64) {
            return false;
        }
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The leaf hash of an event whose hash (64 lowercase hex digits) is given. */
    public static byte[] hashOf(String eventHash) {
        return MerkleHash.leaf(HexFormat.of().parseHex(eventHash));
    }
}
