package org.agreementledger.ledger.chain;

/** A stored event with its global position: the order of the whole ledger. */
public record PositionedEvent(long globalPosition, StoredEvent event) {
}
