package org.agreementledger.projections.reconciliation;

import org.agreementledger.ledger.event.AgreementEvent;
import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far the read side is behind the ledger, as the stored tokens of all nodes say: in agreement
 * events (those the segment of their agreement has not taken in yet; other aggregates' events are
 * nothing the read side waits for) and in time (the age of the oldest of them).
 * A segment that has had no event of its own stores its token only now and then, so the events past
 * the slowest token are looked at one by one, up to {@link #SCAN_LIMIT}; beyond it, all count.
 */
@Component
public class ProjectionLag {

    static final int SCAN_LIMIT = 20_000;

    private final JdbcTemplate jdbc;
    private final StoredEvents storedEvents;
    private final ProcessorPositions positions;
    private final Clock clock;

    public ProjectionLag(JdbcTemplate jdbc, StoredEvents storedEvents, ProcessorPositions positions, Clock clock) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.positions = positions;
        this.clock = clock;
    }

    /**
     * @param events the events their segment has not taken in yet
     * @param age    how long ago the oldest event not yet taken in was written; zero when none is waiting
     */
    public record Lag(long events, Duration age) {
    }

    public Lag now() {
        ProcessorCoverage coverage = positions.coverageOf(AgreementProjection.PROCESSING_GROUP);
        long head = storedEvents.lastPosition();
        long slowest = coverage.segments().stream()
                .mapToLong(segment -> segment.token() == null ? 0 : segment.token().getIndex())
                .min().orElse(0);
        if (slowest >= head) {
            return new Lag(0, Duration.ZERO);
        }
        List<WaitingEvent> after = jdbc.query("""
                        SELECT global_index, aggregate_identifier, time_stamp FROM domain_event_entry
                        WHERE global_index > ? AND type = ? ORDER BY global_index LIMIT ?""",
                (row, i) -> new WaitingEvent(row.getLong(1), row.getString(2), row.getString(3)), slowest,
                AgreementEvent.AGGREGATE_TYPE, SCAN_LIMIT);
        List<WaitingEvent> waiting = after.stream()
                .filter(event -> !coverage.covers(event.agreementId(), event.position())).toList();
        long beyondTheScan = after.size() < SCAN_LIMIT ? 0 : head - after.get(after.size() - 1).position();
        if (waiting.isEmpty() && beyondTheScan == 0) {
            return new Lag(0, Duration.ZERO);
        }
        String writtenAt = waiting.isEmpty() ? after.get(after.size() - 1).writtenAt() : waiting.get(0).writtenAt();
        Duration age = Duration.between(Instant.parse(writtenAt), clock.instant());
        return new Lag(waiting.size() + beyondTheScan, age.isNegative() ? Duration.ZERO : age);
    }

    private record WaitingEvent(long position, String agreementId, String writtenAt) {
    }
}
