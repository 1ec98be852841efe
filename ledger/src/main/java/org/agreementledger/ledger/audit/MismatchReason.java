package org.agreementledger.ledger.audit;

/** Why a verification stopped at an event or a recorded digest. */
public enum MismatchReason {

    /** The event's metadata holds no hash or no previous hash: it was not written by the chaining store. */
    MISSING_HASH,
    /**
     * The event does not follow its predecessor: its previous hash is not the predecessor's hash,
     * or its sequence number is not the next one (an event was removed or moved).
     */
    BROKEN_LINK,
    /** The event's stored content no longer gives the hash stored with it. */
    CONTENT_ALTERED,
    /**
     * The event's hash is not attested by the log's key: inserted behind the ledger's back, even if
     * its hash and link were computed correctly.
     */
    FORGED,
    /**
     * An event the Merkle log passed over: the log holds a later event at this leaf, so the event was
     * inserted after the log had integrated its position.
     */
    NOT_IN_LOG,
    /**
     * A leaf of the Merkle log that is not the leaf hash of its event: the event (its hash
     * recomputed) or the leaf was rewritten after it was logged.
     */
    LEAF_MISMATCH,
    /** A leaf of the Merkle log whose event is gone: the event's row was deleted. */
    MISSING_EVENT,
    /** A stored subtree of the Merkle log that is missing or is not the hash of its two halves. */
    TREE_MISMATCH,
    /**
     * A signed checkpoint, in the database or a copy outside it, whose root is not the root of the
     * tree recomputed from the events, or whose signature does not verify with the log's key.
     */
    CHECKPOINT_MISMATCH,
    /**
     * The chain heads recomputed as of a recorded digest's position do not give that digest: a
     * chain was rewritten with consistent hashes, or events were removed from its end.
     */
    DIGEST_MISMATCH,
    /**
     * Events a recorded digest, a leaf or a signed checkpoint covered are gone: they cover positions
     * or leaves beyond the ledger's end (a truncated tail), or a chain ends before the head a digest
     * recorded for it.
     */
    TRUNCATED
}
