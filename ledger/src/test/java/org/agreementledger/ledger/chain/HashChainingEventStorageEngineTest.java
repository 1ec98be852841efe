package org.agreementledger.ledger.chain;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.audit.ChainHead;
import org.agreementledger.ledger.audit.ChainVerifier;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashChainingEventStorageEngineTest {

    private static final Instant NOW = Instant.parse("2024-08-22T04:00:00Z");
    private static final UUID A = UUID.fromString("3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11");
    private static final UUID B = UUID.fromString("9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44");
    private static final LocalDate AUG_22 = LocalDate.of(2024, 8, 22);

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule()).build())
            .build();
    private static final KeyPair LOG_KEY = ed25519KeyPair();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private static final EventAttestation ATTESTATION = EventAttestation.ofLogKey(LOG_KEY);
    private final HashChainingEventStorageEngine engine = new HashChainingEventStorageEngine(store, serializer,
            Clock.fixed(NOW, ZoneOffset.UTC), ATTESTATION);

    private static DomainEventMessage<?> event(UUID agreement, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Agreement", agreement.toString(), sequence, payload,
                MetaData.with(LedgerMetaData.ACTOR, "signatory-xju").and(LedgerMetaData.CORRELATION_ID, "c-" + sequence));
    }

    /** What the JDBC store writes for a message: its serialized payload and metadata. */
    private PositionedEvent asStored(long position, TrackedEventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        return new PositionedEvent(position, new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getType(), payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), event.serializeMetaData(serializer, byte[].class).getData()));
    }

    private List<PositionedEvent> stored() {
        List<? extends TrackedEventMessage<?>> messages = store.readEvents(null, false).toList();
        return IntStream.range(0, messages.size())
                .mapToObj(i -> asStored(i + 1L, messages.get(i))).toList();
    }

    @Test
    void everyAppendedEventIsLinkedToItsPredecessorAndHashedOverWhatIsStored() {
        engine.appendEvents(List.of(event(A, 0, new AgreementSigned(A, "CN-URUMQI-XJU", AUG_22)),
                event(B, 0, new AgreementSigned(B, "CN-URUMQI-XJU", AUG_22)),
                event(A, 1, new AgreementSigned(A, "KZ-ALMATY-KBTU", AUG_22))));
        engine.appendEvents(List.of(event(A, 2, new AgreementFullySigned(A, AUG_22))));

        List<PositionedEvent> stored = stored();
        ChainVerifier chains = new ChainVerifier();

        assertThat(stored).allSatisfy(event -> assertThat(chains.check(ChainedEvent.of(event))).isEmpty());
        assertThat(chains.headOf(A.toString())).get().extracting(ChainHead::sequenceNumber).isEqualTo(2L);
        assertThat(EventHasher.storedPreviousHash(stored.get(0).event())).isEqualTo(EventHasher.GENESIS);
        assertThat(EventHasher.storedPreviousHash(stored.get(1).event())).isEqualTo(EventHasher.GENESIS);
        assertThat(EventHasher.storedPreviousHash(stored.get(2).event()))
                .isEqualTo(EventHasher.storedHash(stored.get(0).event()));
        assertThat(EventHasher.storedPreviousHash(stored.get(3).event()))
                .isEqualTo(EventHasher.storedHash(stored.get(2).event()));
        assertThat(store.readEvents(A.toString(), 0).asStream().toList()).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry(LedgerMetaData.RECORDED_AT, NOW.toString())
                    .containsEntry(LedgerMetaData.ACTOR, "signatory-xju")
                    .containsKeys(LedgerMetaData.PREVIOUS_HASH, LedgerMetaData.HASH);
        });
    }

    @Test
    void everyEventCarriesTheNodesAttestationOfItsHashOutsideWhatTheHashCovers() throws Exception {
        engine.appendEvents(List.of(event(A, 0, new AgreementSigned(A, "CN-URUMQI-XJU", AUG_22)),
                event(A, 1, new AgreementFullySigned(A, AUG_22))));
        EventAttestation otherKey = EventAttestation.ofLogKey(ed25519KeyPair());

        assertThat(stored()).allSatisfy(event -> {
            String hash = EventHasher.storedHash(event.event());
            String attestation = EventHasher.storedAttestation(event.event());
            assertThat(attestation).startsWith("hmac-sha256:");
            assertThat(ATTESTATION.verifies(hash, attestation)).isTrue();
            assertThat(otherKey.verifies(hash, attestation)).isFalse();
            assertThat(ATTESTATION.verifies(EventHasher.GENESIS, attestation)).isFalse();
            assertThat(EventHasher.hash(event.event())).as("the hash still recomputes").isEqualTo(hash);
        });
    }

    @Test
    void anAttestationWrittenAsAnEd25519SignatureBeforeStillVerifiesWithThePublicKey() throws Exception {
        String hash = EventHasher.GENESIS.replace('0', 'a');
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(LOG_KEY.getPrivate());
        signer.update(("agreement-ledger event attestation v1\n" + hash).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(signer.sign());

        assertThat(ATTESTATION.verifies(hash, signature)).isTrue();
        assertThat(ATTESTATION.verifies(EventHasher.GENESIS, signature)).isFalse();
        assertThat(EventAttestation.ofLogKey(ed25519KeyPair()).verifies(hash, signature)).isFalse();
    }


    @Test
    void aCommandThatLoadedItsAgreementLinksToTheLastEventItReadWithoutReadingItAgain() {
        CountingStore counting = new CountingStore();
        HashChainingEventStorageEngine chained = new HashChainingEventStorageEngine(counting, serializer,
                Clock.fixed(NOW, ZoneOffset.UTC), ATTESTATION);
        chained.appendEvents(List.of(event(A, 0, new AgreementSigned(A, "CN-URUMQI-XJU", AUG_22)),
                event(A, 1, new AgreementSigned(A, "KZ-ALMATY-KBTU", AUG_22))));
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
        List<? extends DomainEventMessage<?>> loaded = chained.readEvents(A.toString(), 0).asStream().toList();
        int readsAfterLoading = counting.aggregateReads;

        chained.appendEvents(List.of(event(A, 2, new AgreementFullySigned(A, AUG_22))));
        command.commit();

        assertThat(counting.aggregateReads).as("no read of the previous event").isEqualTo(readsAfterLoading);
        DomainEventMessage<?> appended = counting.readEvents(A.toString(), 2).next();
        assertThat(appended.getMetaData().get(LedgerMetaData.PREVIOUS_HASH))
                .isEqualTo(loaded.get(1).getMetaData().get(LedgerMetaData.HASH));
    }

    /** The in-memory store, counting how often an agreement's events are read. */
    private static final class CountingStore extends InMemoryEventStorageEngine {

        private int aggregateReads;

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            aggregateReads++;
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }

    @Test
    void anEventWhosePredecessorIsNotStoredIsRefused() {
        assertThatThrownBy(() -> engine.appendEvents(List.of(event(A, 1, new AgreementFullySigned(A, AUG_22)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no event 0 of " + A);
    }

    private static KeyPair ed25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
