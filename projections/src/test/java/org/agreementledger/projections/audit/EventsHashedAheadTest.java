package org.agreementledger.projections.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.agreementledger.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The events hashed ahead, pages at a time on several threads, come in global order, each with its own hash. */
class EventsHashedAheadTest {

    private static final int EVENTS = 23;
    private static StoredEvents storedEvents;
    private static long first;
    private static long last;

    @BeforeAll
    static void storeEvents() {
        JdbcTemplate jdbc = new JdbcTemplate(ReadModelDatabase.dataSource());
        storedEvents = new StoredEvents(ReadModelDatabase.dataSource());
        first = storedEvents.lastPosition() + 1;
        String agreement = UUID.randomUUID().toString();
        for (int i = 0; i < EVENTS; i++) {
            jdbc.update("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                payload_type, payload, meta_data, time_stamp)
                            VALUES (?, ?, ?, 'Agreement', 'Test', ?, ?, '2024-08-22T00:00:00Z')""",
                    UUID.randomUUID().toString(), agreement, i,
                    ("{\"n\":" + i + ",\"text\":\"event " + i + "\"}").getBytes(StandardCharsets.UTF_8),
                    ("{\"hash\":\"" + "0".repeat(63) + (i % 10) + "\",\"actor\":\"a" + i + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        last = storedEvents.lastPosition();
    }

    @Test
    void everyEventComesOnceInGlobalOrderWithTheHashItsContentGives() {
        List<ChainedEvent> hashed = new ArrayList<>();
        try (EventsHashedAhead events = new EventsHashedAhead(storedEvents, first - 1, last, 4)) {
            events.forEachRemaining(hashed::add);
        }

        List<PositionedEvent> stored = storedEvents.page(first - 1, last, EVENTS + 1);
        assertThat(stored).hasSize(EVENTS);
        assertThat(hashed).extracting(event -> event.event().eventIdentifier())
                .containsExactlyElementsOf(stored.stream().map(event -> event.event().eventIdentifier()).toList());
        assertThat(hashed).allSatisfy(event -> {
            assertThat(event.recomputedHash()).isEqualTo(EventHasher.hash(event.event()));
            assertThat(event.storedHash()).isEqualTo(EventHasher.storedHash(event.event()));
        });
    }

    @Test
    void itStopsAtTheGivenPosition() {
        List<Long> positions = new ArrayList<>();
        try (EventsHashedAhead events = new EventsHashedAhead(storedEvents, first, first + 8, 4)) {
            events.forEachRemaining(event -> positions.add(event.globalPosition()));
        }

        assertThat(positions).containsExactly(first + 1, first + 2, first + 3, first + 4, first + 5, first + 6,
                first + 7, first + 8);
    }
}
