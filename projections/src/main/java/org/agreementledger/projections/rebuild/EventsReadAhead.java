package org.agreementledger.projections.rebuild;

import org.agreementledger.ledger.event.AgreementEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Every event of the store, read as the processor reads them and deserialized on a thread of its
 * own, handed over a chunk at a time while the rebuild applies the chunk before: reading and
 * writing the database then overlap. A few chunks at most are held.
 */
final class EventsReadAhead implements AutoCloseable {

    private static final int EVENTS_PER_CHUNK = 1_000;
    private static final int CHUNKS_AHEAD = 4;

    /** An event as the rebuild applies it: its agreement event, if it is one, and its token. */
    record ReadEvent(AgreementEvent event, long sequenceNumber, TrackingToken token) {
    }

    /** A chunk of events, or the end of them, or the failure that ended the reading. */
    private record Chunk(List<ReadEvent> events, RuntimeException failure) {
        static final Chunk END = new Chunk(List.of(), null);
    }

    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private boolean ended;

    EventsReadAhead(EventStorageEngine events) {
        this.reader = new Thread(() -> read(events), "read-model-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next chunk of events in the store's order; empty once every event has been handed over. */
    List<ReadEvent> next() {
        if (ended) {
            return List.of();
        }
        Chunk chunk;
        try {
            chunk = chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the events", e);
        }
        if (chunk.failure() != null) {
            throw chunk.failure();
        }
        ended = chunk.events().isEmpty();
        return chunk.events();
    }

    /** Stops the reading, when the rebuild ends before the events do. */
    @Override
    public void close() {
        reader.interrupt();
    }

    private void read(EventStorageEngine events) {
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            List<ReadEvent> chunk = new ArrayList<>(EVENTS_PER_CHUNK);
            for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                TrackedEventMessage<?> event = iterator.next();
                if (event instanceof DomainEventMessage<?> domainEvent
                        && domainEvent.getPayload() instanceof AgreementEvent agreementEvent) {
                    chunk.add(new ReadEvent(agreementEvent, domainEvent.getSequenceNumber(), event.trackingToken()));
                } else {
                    chunk.add(new ReadEvent(null, -1, event.trackingToken()));
                }
                if (chunk.size() == EVENTS_PER_CHUNK) {
                    handOver(new Chunk(chunk, null));
                    chunk = new ArrayList<>(EVENTS_PER_CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                handOver(new Chunk(chunk, null));
            }
            handOver(Chunk.END);
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            try {
                handOver(new Chunk(List.of(), failure));
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for room, so that a reader far ahead holds no more than a few chunks; gives up once closed. */
    private void handOver(Chunk chunk) throws InterruptedException {
        chunks.put(chunk);
    }
}
