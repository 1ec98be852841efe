package org.agreementledger.api.demo;

import org.agreementledger.projections.eventstore.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded default starts with the demo data set: loaded when the service starts on a ledger
 * that has no event at all and {@code ledger.demo-data.enabled} is true. The load is marked started
 * before its first command and finished after its last, so a load cut short (a crash, a kill) is
 * finished on the next start; the loader skips what is there. A load that a stop of the service cuts
 * short ends quietly for the same reason. A ledger with events of its own is never touched.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo-data.enabled", havingValue = "true")
class DemoDataOnFirstStart {

    private static final Logger log = LoggerFactory.getLogger(DemoDataOnFirstStart.class);

    private final DemoDataLoader loader;
    private final StoredEvents storedEvents;
    private final JdbcTemplate jdbc;
    private volatile boolean closing;

    DemoDataOnFirstStart(DemoDataLoader loader, StoredEvents storedEvents, JdbcTemplate jdbc) {
        this.loader = loader;
        this.storedEvents = storedEvents;
        this.jdbc = jdbc;
    }

    /** A stop (SIGTERM) that comes while the load runs unsubscribes the command handlers under it. */
    @EventListener(ContextClosedEvent.class)
    public void noteClosing() {
        closing = true;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIntoAnEmptyLedger() {
        boolean unfinished = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM demo_data_first_load WHERE completed_at IS NULL)", Boolean.class));
        if (!unfinished && !storedEvents.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO demo_data_first_load (started_at) VALUES (now()) ON CONFLICT DO NOTHING");
        DemoLoadResult result;
        try {
            result = loader.load();
        } catch (RuntimeException failure) {
            if (closing) {
                log.info("The service is stopping: the demo data set is loaded in part, the next start finishes it");
                return;
            }
            throw failure;
        }
        jdbc.update("UPDATE demo_data_first_load SET completed_at = now()");
        log.info("{} the demo data set: {} agreements of \"{}\" written", unfinished ? "Finished loading" : "Loaded",
                result.agreementsWritten(), result.occasion());
    }
}
