package org.agreementledger.ledger.chain;

import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Links every agreement's events into a hash chain as they are appended: each event gets the
 * instant it was recorded, its predecessor's hash, its own hash and the node's attestation of that
 * hash ({@link EventAttestation}) in its metadata. The hash is computed from the very JSON bytes the
 * store will hold, so it can be recomputed from them.
 * Two writers racing on one agreement compute their link from the same predecessor, and the
 * store's unique (aggregate, sequence) key lets only one of them in: a chain never forks.
 */
public class HashChainingEventStorageEngine implements EventStorageEngine {

    /** The event table, as the ledger's migrations create it. */
    public static final EventSchema EVENT_TABLE = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    private static final String LOADED_CHAIN_LINKS = HashChainingEventStorageEngine.class.getName() + ".loaded";

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final Clock clock;
    private final EventAttestation attestation;

    HashChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, Clock clock,
                                   EventAttestation attestation) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.clock = clock;
        this.attestation = attestation;
    }

    /**
     * The ledger's event store: Axon's JDBC engine, configured by the caller, on {@link #EVENT_TABLE}
     * and behind the hash chain, so that no event reaches the table unchained.
     */
    public static EventStorageEngine onJdbc(JdbcEventStorageEngine.Builder configured, Serializer eventSerializer,
                                            Clock clock, EventAttestation attestation) {
        return new HashChainingEventStorageEngine(configured.schema(EVENT_TABLE).build(), eventSerializer, clock,
                attestation);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> chainHeads = new HashMap<>();
        List<EventMessage<?>> linked = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                DomainEventMessage<?> link = link(domainEvent, chainHeads);
                chainHeads.put(link.getAggregateIdentifier(), (String) link.getMetaData().get(LedgerMetaData.HASH));
                linked.add(link);
            } else {
                linked.add(event);
            }
        }
        delegate.appendEvents(linked);
    }

    private DomainEventMessage<?> link(DomainEventMessage<?> event, Map<String, String> chainHeads) {
        String previousHash = chainHeads.computeIfAbsent(event.getAggregateIdentifier(),
                aggregateId -> storedHashBefore(aggregateId, event.getSequenceNumber()));
        DomainEventMessage<?> withLink = event.andMetaData(Map.of(
                LedgerMetaData.RECORDED_AT, Instant.now(clock).toString(),
                LedgerMetaData.PREVIOUS_HASH, previousHash));
        SerializedObject<byte[]> payload = withLink.serializePayload(eventSerializer, byte[].class);
        SerializedObject<byte[]> metaData = withLink.serializeMetaData(eventSerializer, byte[].class);
        String hash = EventHasher.hash(new StoredEvent(withLink.getIdentifier(), withLink.getAggregateIdentifier(),
                withLink.getSequenceNumber(), withLink.getType(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData()));
        return withLink.andMetaData(Map.of(LedgerMetaData.HASH, hash,
                LedgerMetaData.ATTESTATION, attestation.attest(hash)));
    }

    private String storedHashBefore(String aggregateIdentifier, long sequenceNumber) {
        if (sequenceNumber == 0) {
            return EventHasher.GENESIS;
        }
        ChainLink loaded = loadedInThisUnitOfWork().get(aggregateIdentifier);
        if (loaded != null && loaded.sequenceNumber() == sequenceNumber - 1 && loaded.hash() != null) {
            return loaded.hash();
        }
        DomainEventStream previous = delegate.readEvents(aggregateIdentifier, sequenceNumber - 1);
        if (!previous.hasNext()) {
            throw new IllegalStateException("no event " + (sequenceNumber - 1) + " of " + aggregateIdentifier
                    + " to link event " + sequenceNumber + " to");
        }
        Object hash = previous.next().getMetaData().get(LedgerMetaData.HASH);
        if (hash == null) {
            throw new IllegalStateException("event " + (sequenceNumber - 1) + " of " + aggregateIdentifier
                    + " carries no hash to link to");
        }
        return hash.toString();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    /**
     * An agreement's events, as a command loads them: the last one's hash is remembered for the unit
     * of work, so that the command's first new event links to it without reading it again.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream events = delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        if (!CurrentUnitOfWork.isStarted()) {
            return events;
        }
        Map<String, ChainLink> loaded = loadedInThisUnitOfWork();
        return DomainEventStream.of(events.asStream().peek(event -> loaded.put(aggregateIdentifier,
                new ChainLink(event.getSequenceNumber(), (String) event.getMetaData().get(LedgerMetaData.HASH)))),
                events::getLastSequenceNumber);
    }

    private static Map<String, ChainLink> loadedInThisUnitOfWork() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(LOADED_CHAIN_LINKS, key -> new HashMap<>())
                : Map.of();
    }

    /** The last event of an agreement a unit of work has read: its sequence number and hash. */
    private record ChainLink(long sequenceNumber, String hash) {
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
