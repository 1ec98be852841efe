package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.merkle.MerkleHash;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An event's leaf in the ledger's Merkle log. Its input is the 32 bytes of the event's hash as the
 * chain stored it when the event was written, which covers the event's whole content; for an event
 * stored without a well-formed hash, the hash of its content.
 */
public final class LogLeaf {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private LogLeaf() {
    }

    /** The leaf hash of a stored event. */
    public static byte[] hashOf(StoredEvent event) {
        String stored = EventHasher.storedHash(event);
        return hashOf(stored != null && HASH.matcher(stored).matches() ? stored : EventHasher.hash(event));
    }

    /** The leaf hash of an event whose hash (64 lowercase hex digits) is given. */
    public static byte[] hashOf(String eventHash) {
        return MerkleHash.leaf(HexFormat.of().parseHex(eventHash));
    }
}
