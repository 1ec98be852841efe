package org.agreementledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.metadata.LedgerMetaData;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a ledger of hash-chained events in memory, as the chaining store writes them. */
final class TestLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PositionedEvent> events = new ArrayList<>();
    private final Map<String, ChainHead> heads = new HashMap<>();
    private final List<RecordedDigest> digests = new ArrayList<>();
    private final Map<Long, List<ChainHead>> headChanges = new HashMap<>();
    private EventAttestation attestation;

    /** Events appended from now on carry the writing node's attestation; null: none, as before attestations. */
    void attestWith(EventAttestation attestation) {
        this.attestation = attestation;
    }

    static KeyPair ed25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends an event with the given payload to the agreement's chain, at the next global position. */
    PositionedEvent append(String agreementId, String payloadJson) {
        return append(agreementId, "Agreement", "org.agreementledger.ledger.event.AgreementSigned", payloadJson);
    }

    /** Appends an event of the given types to its aggregate's chain, at the next global position. */
    PositionedEvent append(String agreementId, String aggregateType, String payloadType, String payloadJson) {
        ChainHead predecessor = heads.get(agreementId);
        long sequence = predecessor == null ? 0 : predecessor.sequenceNumber() + 1;
        ObjectNode metaData = JSON.createObjectNode()
                .put(LedgerMetaData.ACTOR, "registrar")
                .put(LedgerMetaData.CORRELATION_ID, "c-" + (events.size() + 1))
                .put(LedgerMetaData.RECORDED_AT, "2024-08-22T04:00:0" + (events.size() % 10) + "Z")
                .put(LedgerMetaData.PREVIOUS_HASH, predecessor == null ? EventHasher.GENESIS : predecessor.hash());
        PositionedEvent event = sealed(new PositionedEvent(events.size() + 1L, new StoredEvent(
                "event-" + (events.size() + 1), agreementId, sequence, aggregateType, payloadType, null,
                payloadJson.getBytes(StandardCharsets.UTF_8), bytes(metaData))));
        if (attestation != null) {
            event = withMetaDataField(event, LedgerMetaData.ATTESTATION,
                    attestation.attest(EventHasher.storedHash(event.event())));
        }
        events.add(event);
        heads.put(agreementId, new ChainHead(agreementId, sequence, EventHasher.storedHash(event.event())));
        return event;
    }

    /** Records a digest over the chain heads as of now, as the digest recorder does. */
    RecordedDigest recordDigest() {
        RecordedDigest digest = new RecordedDigest(digests.size() + 1L, events.size(), heads.size(),
                LedgerDigest.of(heads.values()), Instant.parse("2024-08-23T00:00:00Z"));
        long since = digests.isEmpty() ? 0 : digests.get(digests.size() - 1).coversThroughPosition();
        headChanges.put(digest.id(), heads.values().stream()
                .filter(head -> events.stream().anyMatch(event -> event.globalPosition() > since
                        && event.event().aggregateIdentifier().equals(head.agreementId())))
                .toList());
        digests.add(digest);
        return digest;
    }

    /** By digest id, the chain heads that changed since the digest before, as the digest recorder keeps them. */
    Map<Long, List<ChainHead>> headChanges() {
        return headChanges;
    }

    List<PositionedEvent> events() {
        return events;
    }

    List<RecordedDigest> digests() {
        return digests;
    }

    List<ChainHead> heads() {
        return List.copyOf(heads.values());
    }

    PositionedEvent event(long position) {
        return events.get((int) position - 1);
    }

    void replace(long position, PositionedEvent replacement) {
        events.set((int) position - 1, replacement);
    }

    /** The same event with its hash (re)computed from its content, as a forger would. */
    static PositionedEvent sealed(PositionedEvent positioned) {
        StoredEvent event = positioned.event();
        String hash = EventHasher.hash(event);
        ObjectNode metaData = (ObjectNode) CanonicalJson.parse(event.metaData()).deepCopy();
        metaData.put(LedgerMetaData.HASH, hash);
        return new PositionedEvent(positioned.globalPosition(), withMetaData(event, bytes(metaData)));
    }

    static PositionedEvent withPayload(PositionedEvent positioned, String payloadJson) {
        StoredEvent event = positioned.event();
        return new PositionedEvent(positioned.globalPosition(), new StoredEvent(event.eventIdentifier(),
                event.aggregateIdentifier(), event.sequenceNumber(), event.aggregateType(), event.payloadType(),
                event.payloadRevision(), payloadJson.getBytes(StandardCharsets.UTF_8), event.metaData()));
    }

    static PositionedEvent withMetaDataField(PositionedEvent positioned, String field, String value) {
        ObjectNode metaData = (ObjectNode) CanonicalJson.parse(positioned.event().metaData()).deepCopy();
        if (value == null) {
            metaData.remove(field);
        } else {
            metaData.put(field, value);
        }
        return new PositionedEvent(positioned.globalPosition(), withMetaData(positioned.event(), bytes(metaData)));
    }

    private static StoredEvent withMetaData(StoredEvent event, byte[] metaData) {
        return new StoredEvent(event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                event.aggregateType(), event.payloadType(), event.payloadRevision(), event.payload(), metaData);
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
