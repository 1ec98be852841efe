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
     * The chain heads recomputed as of a recorded digest's position do not give that digest: a
     * chain was rewritten with consistent hashes, or events were removed from its end.
     */
    DIGEST_MISMATCH,
    /**
     * Events a recorded digest covered are gone: it covers positions beyond the ledger's end (a
     * truncated tail), or a chain ends before the head the digest recorded for it.
     */
    TRUNCATED
}
