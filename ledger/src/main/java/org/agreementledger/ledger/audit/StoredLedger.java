package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;

import java.util.Iterator;

/**
 * The ledger as stored through one position, as {@link LedgerVerifier} reads it: each call reads
 * afresh, from the same rows, so that a pass can be made again.
 */
public interface StoredLedger {

    /** The chain fields of every event, by agreement id as {@link LedgerDigest} orders them, then by sequence number. */
    Iterator<ChainLink> chainLinksInAgreementOrder();

    /**
     * The chain heads kept with the recorded digests (those that moved since the digest before;
     * none for digests recorded before heads were kept), by agreement id.
     */
    Iterator<RecordedHead> recordedHeadsInAgreementOrder();

    /** Every event in global order (each may be hashed ahead, on other threads). */
    Iterator<ChainedEvent> eventsInGlobalOrder();

    /** The Merkle log as stored, all of it within the position. */
    LogRecords log();
}
