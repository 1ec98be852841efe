package org.agreementledger.api.eventstream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;

/**
 * The ledger's events as an event processor reads them: straight from the event storage engine,
 * read again when a commit is signalled ({@link LedgerSignals}) instead of on a timer. A
 * processor that has caught up sleeps until the next commit on any node, then reads it at once:
 * the read side follows the ledger within milliseconds without polling the event table.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final LedgerSignals signals;

    public NotifiedEventSource(EventStorageEngine storage, LedgerSignals signals) {
        this.storage = storage;
        this.signals = signals;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new NotifiedEventStream(storage, trackingToken, signals);
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
