package org.agreementledger.api.demo;

import org.agreementledger.projections.eventstore.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedded default starts with the demo data set: loaded once, when the service starts on a
 * ledger that has no event at all and {@code ledger.demo-data.enabled} is true. A ledger with
 * events of its own is never touched.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo-data.enabled", havingValue = "true")
class DemoDataOnFirstStart {

    private static final Logger log = LoggerFactory.getLogger(DemoDataOnFirstStart.class);

    private final DemoDataLoader loader;
    private final StoredEvents storedEvents;

    public DemoDataOnFirstStart(DemoDataLoader loader, StoredEvents storedEvents) {
        this.loader = loader;
        this.storedEvents = storedEvents;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIntoAnEmptyLedger() {
        if (storedEvents.isEmpty()) {
            DemoLoadResult result = loader.load();
            log.info("Loaded the demo data set into the empty ledger: {} agreements of \"{}\"",
                    result.agreementsWritten(), result.occasion());
        }
    }
}
