package org.agreementledger.api.demo;

import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerIntegrationTest;
import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.totals;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's first start: a service of its own, on an empty ledger, with the demo data enabled. */
@LedgerIntegrationTest
@TestPropertySource(properties = "ledger.demo-data.enabled=true")
class DemoDataOnFirstStartTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoDataOnFirstStart firstStart;

    @Test
    void anEmptyLedgerStartsWithTheDemoDataAndALedgerWithEventsIsLeftAlone() {
        LedgerClient client = new LedgerClient(rest);
        eventually(() -> assertThat(totals(client, "stage=signed").total())
                .isEqualTo(Bucket.of(71, "CNY", "670000000.00")));
        Long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        firstStart.loadIntoAnEmptyLedger();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
    }
}
