package org.agreementledger.ledger.metadata;


/** The keys of the metadata the server adds to every event. */
public final class LedgerMetaData {

    /** The authenticated principal that issued the command. */
    public static final String ACTOR = "actor";
    /** Ties every event to the request (or batch) that caused it. */
    public static final String CORRELATION_ID = "correlationId";
    /** The instant the event was appended to the store, ISO-8601 UTC. */
    public static final String RECORDED_AT = "recordedAt";
    /** The hash of the agreement's previous event, or 64 zeros (the genesis hash) for its first. */
    public static final String PREVIOUS_HASH = "previousHash";
    /** This event's hash: covers its canonical content, including {@link #PREVIOUS_HASH}. */
    public static final String HASH = "hash";
    /** The writing node's signature of {@link #HASH} with the log's key; like the hash, outside what the hash covers. */
    public static final String ATTESTATION = "attestation";

    private LedgerMetaData() {
    }
}
