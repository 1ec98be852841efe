package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.ledger.audit.ChainVerifier;
import org.agreementledger.ledger.audit.LedgerMismatch;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Service;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit trail read straight from the event store, so it is always current: one agreement's
 * history, the ledger page by page, and exports of ranges. Only events at or before the stable
 * position are served, so a reader paging on never misses an event that commits late.
 */
@Service
public class AuditTrail {

    private static final int EXPORT_BATCH_SIZE = 500;

    private final StoredEvents storedEvents;
    private final LedgerHorizon horizon;
    public AuditTrail(StoredEvents storedEvents, LedgerHorizon horizon) {
        this.storedEvents = storedEvents;
        this.horizon = horizon;
    }

    /** The agreement's events in chain order; empty when there is no such agreement. */
    public List<AuditEvent> historyOf(String agreementId) {
        return storedEvents.ofAgreement(agreementId).stream().map(AuditEvent::of).toList();
    }

    /**
     * The agreement's events in chain order, with its hash chain followed from the start: every
     * event before the first mismatch, if there is one, verifies (its hash recomputed from its
     * stored content, its link to the one before).
     */
    public CheckedHistory checkedHistoryOf(String agreementId) {
        List<PositionedEvent> stored = storedEvents.ofAgreement(agreementId);
        ChainVerifier chain = new ChainVerifier();
        LedgerMismatch firstMismatch = stored.stream().map(ChainedEvent::of)
                .map(chain::check).flatMap(Optional::stream).findFirst().orElse(null);
        return new CheckedHistory(stored.stream().map(AuditEvent::of).toList(), firstMismatch);
    }

    public LedgerPage page(long after, int limit) {
        long stable = horizon.stablePosition();
        List<AuditEvent> events = storedEvents.page(after, stable, limit).stream().map(AuditEvent::of).toList();
        long next = events.isEmpty() ? after : events.get(events.size() - 1).globalPosition();
        return new LedgerPage(after, limit, events, next, stable, next < stable);
    }

    /**
     * The events of the keys registered in the party's name after {@code after}, for the party to
     * watch: a page that is not full has every such event up to the stable position, so the next
     * page starts from there.
     */
    public LedgerPage signerKeyEventsOf(String partyId, long after, int limit) {
        long stable = horizon.stablePosition();
        List<AuditEvent> events = storedEvents.ofSignerKeysOf(partyId, after, stable, limit).stream()
                .map(AuditEvent::of).toList();
        boolean full = events.size() == limit;
        long next = full ? events.get(events.size() - 1).globalPosition() : Math.max(after, stable);
        return new LedgerPage(after, limit, events, next, stable, full);
    }

    /**
     * Hands every event after {@code after} and at or before {@code through} to the consumer in
     * global order, reading a batch at a time; {@code through} is at most {@link #stablePosition()}.
     */
    public void export(long after, long through, Consumer<AuditEvent> consumer) {
        Iterator<PositionedEvent> events = storedEvents.inGlobalOrder(after, through, EXPORT_BATCH_SIZE);
        events.forEachRemaining(event -> consumer.accept(AuditEvent.of(event)));
    }

    /** The highest position a reader may go to now: see {@link LedgerHorizon}. */
    public long stablePosition() {
        return horizon.stablePosition();
    }
}
