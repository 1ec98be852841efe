package org.agreementledger.ledger.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.audit.ChainVerifier;
import org.agreementledger.ledger.audit.LedgerMismatch;
import org.agreementledger.ledger.audit.MismatchReason;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events outlive their classes: each type carries a revision, older stored revisions are read
 * through upcasters, and the hash chain covers the bytes as stored, checked before any upcasting.
 */
class EventRevisionsTest {

    private static final UUID AGREEMENT = UUID.fromString("3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11");
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();

    /**
     * A revision 0 of AgreementSigned as it could have been, its party in a field named {@code party}:
     * the upcaster such a change would come with.
     */
    private static final class PartyRenamedUpcaster extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(new SimpleSerializedType(AgreementSigned.class.getName(), "0"));
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(AgreementSigned.class.getName(), "1"),
                    JsonNode.class, payload -> {
                        ObjectNode renamed = ((ObjectNode) payload).deepCopy();
                        renamed.set("partyId", renamed.remove("party"));
                        return renamed;
                    });
        }
    }

    private static final EventUpcaster CHAIN = new EventUpcasterChain(new UnrevisionedEventUpcaster(),
            new PartyRenamedUpcaster());

    /** A signature as an older version stored it: payload and revision as given, hash and link over those bytes. */
    private static StoredEvent storedSignature(String revision, String payload) {
        return storedEvent(AgreementSigned.class, revision, payload);
    }

    private static StoredEvent storedEvent(Class<?> type, String revision, String payload) {
        ObjectNode metaData = JSON.createObjectNode()
                .put(LedgerMetaData.ACTOR, "signatory-kbtu")
                .put(LedgerMetaData.PREVIOUS_HASH, EventHasher.GENESIS);
        StoredEvent unsealed = new StoredEvent("event-1", AGREEMENT.toString(), 0, "Agreement",
                type.getName(), revision, payload.getBytes(StandardCharsets.UTF_8),
                metaData.toString().getBytes(StandardCharsets.UTF_8));
        metaData.put(LedgerMetaData.HASH, EventHasher.hash(unsealed));
        return new StoredEvent(unsealed.eventIdentifier(), unsealed.aggregateIdentifier(), 0, "Agreement",
                unsealed.payloadType(), revision, unsealed.payload(), metaData.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Object readThroughTheUpcasters(StoredEvent stored) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry(stored)), SERIALIZER, CHAIN)
                .next().getPayload();
    }

    private static GenericDomainEventEntry<byte[]> entry(StoredEvent stored) {
        return new GenericDomainEventEntry<>(stored.aggregateType(), stored.aggregateIdentifier(),
                stored.sequenceNumber(), stored.eventIdentifier(), "2024-08-22T04:00:00Z", stored.payloadType(),
                stored.payloadRevision(), stored.payload(), stored.metaData());
    }

    @Test
    void everyEventTypeCarriesARevision() {
        for (Class<?> type : AgreementEvent.class.getPermittedSubclasses()) {
            assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull();
            assertThat(type.getAnnotation(Revision.class).value()).as(type.getSimpleName()).isNotBlank();
        }
        assertThat(AgreementEvent.class.getPermittedSubclasses()).hasSize(7);
    }

    /** The service's chain: events before revisions are revision 1, and a signature of revision 1 is one of 2. */
    @Test
    void aSignatureOfRevisionOneOrOfNoneIsReadAsRevisionTwoWithoutASignerKeysSignature() {
        EventUpcaster serviceChain = new EventUpcasterChain(new UnrevisionedEventUpcaster(),
                new SignatureWithoutSignerKeyUpcaster());
        String payload = "{\"agreementId\":\"" + AGREEMENT + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}";
        for (String revision : new String[] {null, "1"}) {
            StoredEvent stored = storedSignature(revision, payload);

            IntermediateEventRepresentation upcast = serviceChain.upcast(Stream.of(
                    new InitialEventRepresentation(entry(stored), SERIALIZER))).findFirst().orElseThrow();

            assertThat(upcast.getType().getRevision()).as("stored as revision " + revision).isEqualTo("2");
            assertThat(EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry(stored)), SERIALIZER,
                    serviceChain).next().getPayload())
                    .isEqualTo(new AgreementSigned(AGREEMENT, "KZ-ALMATY-KBTU", LocalDate.of(2024, 8, 22), null));
        }
        StoredEvent decline = storedEvent(AgreementDeclined.class, "1", "{\"agreementId\":\"" + AGREEMENT
                + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"declinedOn\":\"2024-08-22\",\"reason\":\"no budget\"}");
        assertThat(serviceChain.upcast(Stream.of(new InitialEventRepresentation(entry(decline), SERIALIZER)))
                .findFirst().orElseThrow().getType().getRevision()).as("a decline of revision 1").isEqualTo("2");
    }

    @Test
    void anEventStoredBeforeRevisionsIsReadAsRevisionOne() {
        StoredEvent stored = storedSignature(null,
                "{\"agreementId\":\"" + AGREEMENT + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}");

        IntermediateEventRepresentation upcast = CHAIN.upcast(Stream.of(
                new InitialEventRepresentation(entry(stored), SERIALIZER))).findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        assertThat(readThroughTheUpcasters(stored))
                .isEqualTo(new AgreementSigned(AGREEMENT, "KZ-ALMATY-KBTU", LocalDate.of(2024, 8, 22)));
    }

    @Test
    void anOlderRevisionIsReadThroughItsUpcasterWhileItsHashCoversTheBytesAsStored() {
        StoredEvent stored = storedSignature("0",
                "{\"agreementId\":\"" + AGREEMENT + "\",\"party\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}");

        Optional<LedgerMismatch> asStored = new ChainVerifier().check(ChainedEvent.of(new PositionedEvent(1, stored)));
        Object read = readThroughTheUpcasters(stored);

        assertThat(asStored).as("the chain checks the bytes as stored, revision 0").isEmpty();
        assertThat(read).isEqualTo(new AgreementSigned(AGREEMENT, "KZ-ALMATY-KBTU", LocalDate.of(2024, 8, 22)));
        StoredEvent upcastInPlace = new StoredEvent(stored.eventIdentifier(), stored.aggregateIdentifier(), 0,
                "Agreement", stored.payloadType(), "1", SERIALIZER.serialize(read, byte[].class).getData(),
                stored.metaData());
        assertThat(new ChainVerifier().check(ChainedEvent.of(new PositionedEvent(1, upcastInPlace))))
                .as("rewriting a stored event into its new form would break its hash: events are upcast when read, never migrated")
                .hasValueSatisfying(mismatch -> assertThat(mismatch.reason()).isEqualTo(MismatchReason.CONTENT_ALTERED));
    }

    @Test
    void aTamperedOlderRevisionIsCaughtBeforeAnyUpcasting() {
        StoredEvent stored = storedSignature("0",
                "{\"agreementId\":\"" + AGREEMENT + "\",\"party\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}");
        StoredEvent tampered = new StoredEvent(stored.eventIdentifier(), stored.aggregateIdentifier(), 0, "Agreement",
                stored.payloadType(), stored.payloadRevision(), new String(stored.payload(), StandardCharsets.UTF_8)
                .replace("KZ-ALMATY-KBTU", "KZ-ASTANA-ENU").getBytes(StandardCharsets.UTF_8), stored.metaData());

        assertThat(new ChainVerifier().check(ChainedEvent.of(new PositionedEvent(1, tampered))))
                .hasValueSatisfying(mismatch -> assertThat(mismatch.reason()).isEqualTo(MismatchReason.CONTENT_ALTERED));
    }
}
