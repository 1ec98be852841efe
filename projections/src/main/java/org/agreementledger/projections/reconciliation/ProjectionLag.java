package org.agreementledger.projections.reconciliation;

import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the read side is behind the ledger, as the stored tokens of all nodes say: in events
 * (the last position written, less the lowest position a segment has reached) and in time (the
 * age of the oldest event a segment has not reached yet).
 */
@Component
public class ProjectionLag {

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
     * @param events the positions between the slowest segment and the last event written
     * @param age    how long ago the oldest event not yet taken in was written; zero when none is waiting
     */
    public record Lag(long events, Duration age) {
    }

    public Lag now() {
        long head = storedEvents.lastPosition();
        long slowest = positions.coverageOf(AgreementProjection.PROCESSING_GROUP).segments().stream()
                .mapToLong(segment -> segment.token() == null ? 0 : segment.token().getIndex())
                .min().orElse(0);
        if (slowest >= head) {
            return new Lag(0, Duration.ZERO);
        }
        String writtenAt = jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE global_index > ?"
                + " ORDER BY global_index LIMIT 1", String.class, slowest);
        Duration age = Duration.between(Instant.parse(writtenAt), clock.instant());
        return new Lag(head - slowest, age.isNegative() ? Duration.ZERO : age);
    }
}
