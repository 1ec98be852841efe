package org.agreementledger.ledger.audit;

/**
 * The last event of one agreement's hash chain as of some ledger position: what a ledger digest
 * covers. Its hash vouches for every earlier event of the chain through the previous-hash links.
 */
public record ChainHead(String agreementId, long sequenceNumber, String hash) {
}
