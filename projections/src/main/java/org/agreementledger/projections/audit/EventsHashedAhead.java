package org.agreementledger.projections.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.projections.eventstore.StoredEvents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The stored events in global order, read a page at a time, each page hashed on every core while
 * the caller checks the page before it: what is left to the checks in order (links, leaves,
 * attestations) is a small share of the work. Two pages at most are held.
 */
final class EventsHashedAhead implements Iterator<ChainedEvent>, AutoCloseable {

    private final Iterator<PositionedEvent> stored;
    private final int pageSize;
    private final int hashers = Runtime.getRuntime().availableProcessors();
    private final ExecutorService hashing = Executors.newFixedThreadPool(hashers, work -> {
        Thread thread = new Thread(work, "ledger-verification-hashing");
        thread.setDaemon(true);
        return thread;
    });
    private List<Future<List<ChainedEvent>>> nextPage;
    private Iterator<ChainedEvent> page = Collections.emptyIterator();

    EventsHashedAhead(StoredEvents storedEvents, long after, long through, int pageSize) {
        this.stored = storedEvents.inGlobalOrder(after, through, pageSize);
        this.pageSize = pageSize;
        this.nextPage = readAndHashNextPage();
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext() && nextPage != null) {
            List<Future<List<ChainedEvent>>> hashingPage = nextPage;
            nextPage = stored.hasNext() ? readAndHashNextPage() : null;
            page = joined(hashingPage).iterator();
        }
        return page.hasNext();
    }

    @Override
    public ChainedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }

    private List<Future<List<ChainedEvent>>> readAndHashNextPage() {
        List<PositionedEvent> events = new ArrayList<>(pageSize);
        while (events.size() < pageSize && stored.hasNext()) {
            events.add(stored.next());
        }
        int share = Math.max(1, (events.size() + hashers - 1) / hashers);
        List<Future<List<ChainedEvent>>> parts = new ArrayList<>();
        for (int from = 0; from < events.size(); from += share) {
            List<PositionedEvent> part = events.subList(from, Math.min(events.size(), from + share));
            parts.add(hashing.submit(() -> part.stream().map(event -> ChainedEvent.of(event).hashed()).toList()));
        }
        return parts;
    }

    private static List<ChainedEvent> joined(List<Future<List<ChainedEvent>>> parts) {
        List<ChainedEvent> events = new ArrayList<>();
        for (Future<List<ChainedEvent>> part : parts) {
            try {
                events.addAll(part.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the events were hashed", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("hashing the events failed", e.getCause());
            }
        }
        return events;
    }
}
