package org.agreementledger.projections.eventstore;

import org.agreementledger.ledger.chain.StoredEvent;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a stored event's payload as its current class, through the upcaster chain the event store
 * reads with, so that every older revision reads the same here as in the projections. Its hash was
 * checked, if at all, over the bytes as stored, before this.
 */
@Component
public class UpcastingEventReader {

    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;

    public UpcastingEventReader(@Qualifier("eventSerializer") Serializer eventSerializer, Configuration axon) {
        this.eventSerializer = eventSerializer;
        this.upcasters = axon.upcasterChain();
    }

    /** The payload as its current class; empty when an upcaster drops the event. */
    public Optional<Object> payloadOf(StoredEvent stored) {
        // the message's timestamp is not read: the epoch stands in for it
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(stored.aggregateType(),
                stored.aggregateIdentifier(), stored.sequenceNumber(), stored.eventIdentifier(), Instant.EPOCH,
                stored.payloadType(), stored.payloadRevision(), stored.payload(), stored.metaData());
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                eventSerializer, upcasters)).findFirst().map(DomainEventMessage::getPayload);
    }
}
