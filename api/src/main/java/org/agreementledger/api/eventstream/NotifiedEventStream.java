package org.agreementledger.api.eventstream;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One processor's stream of events after a token. It reads the storage engine (in its batches) until
 * it finds nothing more, then reads again once a commit is signalled, or a second after its last read
 * if none is: asking whether an event is available costs no query while nothing was committed. The
 * processor's coordinator is told through its availability callback, so it need not ask on a timer
 * either. Used by one thread.
 *
 * <p>A signalled read lingers a little, so that the commits of a busy moment are projected in one
 * batch rather than one transaction each: {@link #QUIET_LINGER} after a quiet spell (the last read
 * found at most one event), {@link #BUSY_LINGER} while the ledger is busy. A query waiting to read
 * its own write cuts the lingering short for a second ({@link #hurry()}).
 */
final class NotifiedEventStream implements TrackingEventStream {

    private static final Logger log = LoggerFactory.getLogger(NotifiedEventStream.class);
    /** A read without a signal, now and then, in case signals cannot reach this node (e.g. a pooler without LISTEN). */
    private static final long UNSIGNALLED_READ_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    static final long QUIET_LINGER = TimeUnit.MILLISECONDS.toNanos(5);
    static final long BUSY_LINGER = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long HURRY = TimeUnit.SECONDS.toNanos(1);

    private final EventStorageEngine storage;
    private final ScheduledExecutorService lingering;
    private final Consumer<NotifiedEventStream> onClose;
    private final Registration subscription;
    private final Lock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private boolean signalled = true;
    private long hurryUntil;
    private long signalledAt;
    private volatile long linger = QUIET_LINGER;
    private volatile Runnable onAvailable = () -> {
    };
    private long lastRead = System.nanoTime();
    private int eventsOfLastRead;
    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> reading;
    private Iterator<? extends TrackedEventMessage<?>> events;
    private TrackedEventMessage<?> peeked;

    NotifiedEventStream(EventStorageEngine storage, TrackingToken after, LedgerSignals signals,
                        ScheduledExecutorService lingering, Consumer<NotifiedEventStream> onClose) {
        this.storage = storage;
        this.lingering = lingering;
        this.onClose = onClose;
        this.lastToken = after;
        this.signalledAt = lastRead - QUIET_LINGER;
        this.hurryUntil = lastRead;
        this.subscription = signals.subscribe(LedgerSignals.Signal.EVENTS_COMMITTED, this::onCommit);
    }

    private void onCommit() {
        lock.lock();
        try {
            if (signalled) {
                return;
            }
            signalled = true;
            signalledAt = System.nanoTime();
            committed.signalAll();
        } finally {
            lock.unlock();
        }
        lingering.schedule(() -> onAvailable.run(), hurrying() ? 0 : linger, TimeUnit.NANOSECONDS);
    }

    /** For the next second, reads what is signalled without lingering: a query is waiting for it. */
    void hurry() {
        lock.lock();
        try {
            hurryUntil = System.nanoTime() + HURRY;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
        onAvailable.run();
    }

    private boolean hurrying() {
        lock.lock();
        try {
            return System.nanoTime() - hurryUntil < 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return hasNextAvailable() ? Optional.of(peeked) : Optional.empty();
    }

    /**
     * A read that fails (the database away) finds nothing, and is tried again a second later, as
     * Axon's own event store does: thrown at the processor, each failure would double its back-off,
     * up to a minute of lag after the database is back.
     */
    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        try {
            while (!buffered()) {
                if (!awaitRead(deadline)) {
                    return false;
                }
                linger = eventsOfLastRead > 1 ? BUSY_LINGER : QUIET_LINGER;
                eventsOfLastRead = 0;
                lastRead = System.nanoTime();
                reading = storage.readEvents(lastToken, false);
                events = reading.iterator();
            }
            return true;
        } catch (RuntimeException cannotRead) {
            log.debug("Cannot read the ledger's events just now; again in a second", cannotRead);
            closeReading();
            return false;
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            // wait for a commit
        }
        TrackedEventMessage<?> next = peeked;
        peeked = null;
        eventsOfLastRead++;
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

    private boolean awaitRead(long deadline) throws InterruptedException {
        lock.lock();
        try {
            while (!readDue()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                committed.awaitNanos(signalled ? Math.min(left, linger) : left);
            }
            signalled = false;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean readDue() {
        long now = System.nanoTime();
        return signalled ? now - hurryUntil < 0 || now - signalledAt >= linger
                : now - lastRead >= UNSIGNALLED_READ_INTERVAL;
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        onAvailable = callback;
        return true;
    }

    @Override
    public void close() {
        subscription.cancel();
        onClose.accept(this);
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
