package org.agreementledger.api.eventstream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The ledger's events as an event processor reads them: straight from the event storage engine,
 * read again when a commit is signalled ({@link LedgerSignals}) instead of on a timer. A
 * processor that has caught up sleeps until the next commit on any node, then reads it at once:
 * the read side follows the ledger within milliseconds without polling the event table.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final LedgerSignals signals;
    private final Set<NotifiedEventStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService lingering = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "notified-event-source");
        thread.setDaemon(true);
        return thread;
    });

    public NotifiedEventSource(EventStorageEngine storage, LedgerSignals signals) {
        this.storage = storage;
        this.signals = signals;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        NotifiedEventStream stream = new NotifiedEventStream(storage, trackingToken, signals, lingering, open::remove);
        open.add(stream);
        return stream;
    }

    /** Has every open stream read what is committed at once, without lingering: a query waits for it. */
    public void hurry() {
        open.forEach(NotifiedEventStream::hurry);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }
}
