package org.agreementledger.ledger.audit;

/**
 * A leaf of the Merkle log as stored.
 *
 * @param leafIndex      its index in the log, from 0, dense
 * @param globalPosition the global position of the event it logs
 * @param leafHash       SHA-256(0x00 || the event's hash)
 */
public record StoredLeaf(long leafIndex, long globalPosition, byte[] leafHash) {
}
