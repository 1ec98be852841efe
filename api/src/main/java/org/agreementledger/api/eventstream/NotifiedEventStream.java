package org.agreementledger.api.eventstream;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * One processor's stream of events after a token. It reads the storage engine (in its batches) until
 * it finds nothing more, then reads again once a commit is signalled, or a second after its last read
 * if none is: asking whether an event is available costs no query while nothing was committed. The
 * processor's coordinator is told through its availability callback, so it need not ask on a timer
 * either. Used by one thread.
 */
final class NotifiedEventStream implements TrackingEventStream {

    /** A read without a signal, now and then, in case signals cannot reach this node (e.g. a pooler without LISTEN). */
    private static final long UNSIGNALLED_READ_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final EventStorageEngine storage;
    private final Registration subscription;
    private final Lock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private volatile boolean signalled = true;
    private volatile Runnable onAvailable = () -> {
    };
    private long lastRead = System.nanoTime();
    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> reading;
    private Iterator<? extends TrackedEventMessage<?>> events;
    private TrackedEventMessage<?> peeked;

    NotifiedEventStream(EventStorageEngine storage, TrackingToken after, LedgerSignals signals) {
        this.storage = storage;
        this.lastToken = after;
        this.subscription = signals.subscribe(LedgerSignals.Signal.EVENTS_COMMITTED, this::onCommit);
    }

    private void onCommit() {
        lock.lock();
        try {
            signalled = true;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
        onAvailable.run();
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!buffered()) {
            if (!awaitCommit(deadline)) {
                return false;
            }
            lastRead = System.nanoTime();
            reading = storage.readEvents(lastToken, false);
            events = reading.iterator();
        }
        return true;
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            // wait for a commit
        }
        TrackedEventMessage<?> next = peeked;
        peeked = null;
        lastToken = next.trackingToken();
        return next;
    }

    /** Whether an event is at hand; a read that found nothing more is closed, not asked again. */
    private boolean buffered() {
        if (peeked == null && events != null) {
            if (events.hasNext()) {
                peeked = events.next();
            } else {
                closeReading();
            }
        }
        return peeked != null;
    }

    private boolean awaitCommit(long deadline) throws InterruptedException {
        lock.lock();
        try {
            while (!signalled && System.nanoTime() - lastRead < UNSIGNALLED_READ_INTERVAL) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                committed.awaitNanos(left);
            }
            signalled = false;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        return true;
    }

    @Override
    public void close() {
        subscription.cancel();
        closeReading();
    }

    private void closeReading() {
        if (reading != null) {
            reading.close();
        }
        reading = null;
        events = null;
    }
}
