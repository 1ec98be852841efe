package org.agreementledger.ledger.chain;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.ledger.metadata.LedgerMetaData;

/**
 * A stored event read for checking: the chain fields of its metadata (its hash, its predecessor's
 * hash, the writing node's attestation), parsed once however many checks read them, and the hash
 * its content gives, computed on first ask. Events hashed ahead on several threads leave the
 * checks in global order little to do.
 */
public final class ChainedEvent {

    private final PositionedEvent positioned;
    private final JsonNode metaData;
    private final String storedHash;
    private final String storedPreviousHash;
    private final String storedAttestation;
    private String recomputedHash;

    private ChainedEvent(PositionedEvent positioned, JsonNode metaData) {
        this.positioned = positioned;
        this.metaData = metaData;
        this.storedHash = CanonicalJson.textField(metaData, LedgerMetaData.HASH);
        this.storedPreviousHash = CanonicalJson.textField(metaData, LedgerMetaData.PREVIOUS_HASH);
        this.storedAttestation = CanonicalJson.textField(metaData, LedgerMetaData.ATTESTATION);
    }

    public static ChainedEvent of(PositionedEvent positioned) {
        return new ChainedEvent(positioned, EventHasher.metaDataOf(positioned.event()));
    }

    /** This event with its content's hash computed, so that no check waits for it. */
    public ChainedEvent hashed() {
        recomputedHash();
        return this;
    }

    public PositionedEvent positioned() {
        return positioned;
    }

    public StoredEvent event() {
        return positioned.event();
    }

    public long globalPosition() {
        return positioned.globalPosition();
    }

    /** The hash in the event's metadata, or {@code null} when it holds none. */
    public String storedHash() {
        return storedHash;
    }

    /** The previous hash the event names, or {@code null} when its metadata holds none. */
    public String storedPreviousHash() {
        return storedPreviousHash;
    }

    /** The writing node's attestation of the event's hash, or {@code null} when its metadata holds none. */
    public String storedAttestation() {
        return storedAttestation;
    }

    /** The hash the event's stored content gives, as {@link EventHasher#hash} computes it. */
    public String recomputedHash() {
        if (recomputedHash == null) {
            recomputedHash = EventHasher.hash(positioned.event(), metaData);
        }
        return recomputedHash;
    }
}
