package org.agreementledger.ledger.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * One event of the audit trail: its stored content, everything its hash covers, together with the
 * facts an auditor reads first (type, business date, actor, recorded-at, correlation id, hash and
 * link), which are taken from that content. The history, the ledger feed, the export and the
 * certificate all show events in this one form.
 *
 * @param globalPosition  the event's place in the whole ledger
 * @param agreementId     the agreement (the aggregate identifier the hash covers)
 * @param sequenceNumber  the event's place in its agreement's chain, from 0
 * @param type            the payload type's simple name, e.g. {@code AgreementSigned}
 * @param businessDate    the day the recorded fact happened; null if the payload no longer reads as its type
 * @param actor           the authenticated principal that caused it
 * @param recordedAt      when the store appended it, ISO-8601 UTC
 * @param correlationId   the request that caused it
 * @param previousHash    the hash of the agreement's previous event, or the genesis hash
 * @param hash            this event's hash as stored
 * @param eventIdentifier the event's unique id
 * @param aggregateType   the aggregate type stored with it
 * @param payloadType     the payload's full type name
 * @param payloadRevision the payload's revision, usually null
 * @param payload         the payload as stored
 * @param metaData        the metadata as stored, hash included
 */
public record AuditEvent(long globalPosition,
                         String agreementId,
                         long sequenceNumber,
                         String type,
                         LocalDate businessDate,
                         String actor,
                         String recordedAt,
                         String correlationId,
                         String previousHash,
                         String hash,
                         String eventIdentifier,
                         String aggregateType,
                         String payloadType,
                         String payloadRevision,
                         JsonNode payload,
                         JsonNode metaData) {

    public static AuditEvent of(PositionedEvent positioned, LocalDate businessDate) {
        StoredEvent event = positioned.event();
        JsonNode metaData = event.metaData() == null ? null : CanonicalJson.parse(event.metaData());
        return new AuditEvent(positioned.globalPosition(), event.aggregateIdentifier(), event.sequenceNumber(),
                simpleName(event.payloadType()), businessDate,
                CanonicalJson.textField(metaData, LedgerMetaData.ACTOR),
                CanonicalJson.textField(metaData, LedgerMetaData.RECORDED_AT),
                CanonicalJson.textField(metaData, LedgerMetaData.CORRELATION_ID),
                CanonicalJson.textField(metaData, LedgerMetaData.PREVIOUS_HASH),
                CanonicalJson.textField(metaData, LedgerMetaData.HASH),
                event.eventIdentifier(), event.aggregateType(), event.payloadType(), event.payloadRevision(),
                CanonicalJson.parse(event.payload()), metaData);
    }

    /** The stored content back, for recomputing the hash: only the stored fields count, not the read-outs. */
    public PositionedEvent toPositionedEvent() {
        return new PositionedEvent(globalPosition, new StoredEvent(eventIdentifier, agreementId, sequenceNumber,
                aggregateType, payloadType, payloadRevision,
                jsonBytes(payload == null ? NullNode.getInstance() : payload),
                metaData == null || metaData.isNull() ? null : jsonBytes(metaData)));
    }

    private static byte[] jsonBytes(JsonNode node) {
        return CanonicalJson.write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String simpleName(String typeName) {
        return typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
    }
}
