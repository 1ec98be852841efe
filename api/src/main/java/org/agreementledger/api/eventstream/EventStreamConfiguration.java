package org.agreementledger.api.eventstream;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source the read side's processor reads from (application.yml names it). */
@Configuration(proxyBeanMethods = false)
class EventStreamConfiguration {

    @Bean
    NotifiedEventSource notifiedEventSource(EventStorageEngine storage, LedgerSignals signals) {
        return new NotifiedEventSource(storage, signals);
    }
}
