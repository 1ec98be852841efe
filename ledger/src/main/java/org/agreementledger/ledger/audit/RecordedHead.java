package org.agreementledger.ledger.audit;

/** A chain head as a recorded digest kept it: one of those that moved since the digest before. */
public record RecordedHead(long digestId, ChainHead head) {
}
