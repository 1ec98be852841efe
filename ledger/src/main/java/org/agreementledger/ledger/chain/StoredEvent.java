package org.agreementledger.ledger.chain;

/**
 * The content of one event row as the event store holds it: payload and metadata as the JSON
 * bytes that were written. This is what a hash covers, so verification needs nothing else.
 */
public record StoredEvent(String eventIdentifier,
                          String aggregateIdentifier,
                          long sequenceNumber,
                          String aggregateType,
                          String payloadType,
                          String payloadRevision,
                          byte[] payload,
                          byte[] metaData) {
}
