package org.agreementledger.api.config;

import org.agreementledger.ledger.domain.LedgerCalendar;
import org.agreementledger.ledger.domain.SectorCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What the ledger's rules are checked against: the clock and calendar of business dates, and the sector catalogue. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(LedgerCalendar.LEDGER_ZONE);
    }

    @Bean
    LedgerCalendar ledgerCalendar(Clock clock) {
        return new LedgerCalendar(clock);
    }

    @Bean
    SectorCatalogue sectorCatalogue() {
        return SectorCatalogue.DEFAULT;
    }
}
