package org.agreementledger.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.ledger.event.SignedAct;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.agreementledger.ledger.signing.SignatureAssurance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param assurance       for an act a party signs, whether the party's own key signed it or an
 *                        authenticated request only made it ({@link SignatureAssurance}); null otherwise
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
                         SignatureAssurance assurance,
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

    /** The event as the trail shows it; every read-out is derived from the stored content, here only. */
    public static AuditEvent of(PositionedEvent positioned) {
        StoredEvent event = positioned.event();
        JsonNode metaData = event.metaData() == null ? null : CanonicalJson.parse(event.metaData());
        Optional<Object> recorded = recordedFact(event.payloadType(), event.payload());
        return new AuditEvent(positioned.globalPosition(), event.aggregateIdentifier(), event.sequenceNumber(),
                simpleName(event.payloadType()),
                recorded.filter(AgreementEvent.class::isInstance).map(fact -> ((AgreementEvent) fact).businessDate())
                        .orElse(null),
                recorded.flatMap(SignedAct::assuranceOf).orElse(null),
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

    /**
     * The first read-out (type, business date, assurance, actor, recorded-at, correlation id, hashes)
     * that does not say what the stored content says. Read-outs are not hashed, so a certificate is
     * only as good as this check that they were derived from what is. A certificate issued before
     * the assurance read-out existed states none: a level not stated claims nothing.
     */
    public Optional<String> readOutMismatch() {
        AuditEvent derived = of(toPositionedEvent());
        Map<String, Object[]> readOuts = new LinkedHashMap<>();
        readOuts.put("type", new Object[]{type, derived.type()});
        readOuts.put("businessDate", new Object[]{businessDate, derived.businessDate()});
        if (assurance != null) {
            readOuts.put("assurance", new Object[]{assurance, derived.assurance()});
        }
        readOuts.put("actor", new Object[]{actor, derived.actor()});
        readOuts.put("recordedAt", new Object[]{recordedAt, derived.recordedAt()});
        readOuts.put("correlationId", new Object[]{correlationId, derived.correlationId()});
        readOuts.put("previousHash", new Object[]{previousHash, derived.previousHash()});
        readOuts.put("hash", new Object[]{hash, derived.hash()});
        return readOuts.entrySet().stream()
                .filter(readOut -> !Objects.equals(readOut.getValue()[0], readOut.getValue()[1]))
                .findFirst()
                .map(readOut -> "its " + readOut.getKey() + " reads " + readOut.getValue()[0]
                        + " but its stored content says " + readOut.getValue()[1]);
    }

    /** The party's act this event records, if it records one and its payload reads as its type. */
    public Optional<SignedAct> signedAct() {
        return recordedFact(payloadType, toPositionedEvent().event().payload())
                .filter(SignedAct.class::isInstance).map(SignedAct.class::cast);
    }

    /** The agreement event or signed act a stored payload records; empty when it no longer reads as one. */
    private static Optional<Object> recordedFact(String payloadType, byte[] payload) {
        try {
            Class<?> eventType = Class.forName(payloadType);
            if (!AgreementEvent.class.isAssignableFrom(eventType) && !SignedAct.class.isAssignableFrom(eventType)) {
                return Optional.empty();
            }
            return Optional.of(CanonicalJson.read(payload, eventType));
        } catch (ClassNotFoundException | IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static byte[] jsonBytes(JsonNode node) {
        return CanonicalJson.write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String simpleName(String typeName) {
        return typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
    }
}
