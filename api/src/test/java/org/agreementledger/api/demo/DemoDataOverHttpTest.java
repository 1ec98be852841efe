package org.agreementledger.api.demo;

import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.agreementledger.api.support.TotalsAnswer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.agreementledger.api.support.ReadSide.totals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set loaded on demand into the shared test ledger (which has agreements of other
 * tests, hence the filter on the conference's occasion), through the command path.
 */
class DemoDataOverHttpTest extends ReadSideIntegrationTest {

    private static final String OCCASION = "Belt and Road Inter-regional Cooperation and Innovation Conference, Urumqi 2024";
    private static final Bucket PUBLISHED = Bucket.of(71, "CNY", "670000000.00");


    @Test
    void theLoadedDemoDataShowsThePublishedTotalsAndLoadingAgainWritesNothing() {
        Answer first = client.post("admin", "/api/admin/demo-data", Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("agreementsInDataSet").asInt()).isEqualTo(71);
        assertThat(first.body().get("occasion").asText()).isEqualTo(OCCASION);
        eventually(() -> assertThat(totals(client, "stage=signed&occasion=" + OCCASION).total()).isEqualTo(PUBLISHED));
        long eventsAfterFirstLoad = eventCount();

        Answer again = client.post("admin", "/api/admin/demo-data", Map.of());

        assertThat(again.body().get("agreementsWritten").asInt()).isZero();
        assertThat(again.body().get("agreementsAlreadyPresent").asInt()).isEqualTo(71);
        assertThat(eventCount())
                .isEqualTo(eventsAfterFirstLoad);
        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor') FROM domain_event_entry
                WHERE convert_from(payload, 'UTF8')::jsonb ->> 'occasion' = ?""", Long.class, OCCASION))
                .as("every demo proposal was sent by the demo loader").isEqualTo(1);
        reconcilesWithNothingLeftToProcess(client);
        assertThat(totals(client, "stage=signed&occasion=" + OCCASION).total()).isEqualTo(PUBLISHED);

        TotalsAnswer bySector = totals(client, "stage=signed&by=sector&occasion=" + OCCASION);
        assertThat(bySector.values("sector")).containsExactly("BIOMEDICINE", "EQUIPMENT_MANUFACTURING",
                "NEW_MATERIALS", "RENEWABLE_ENERGY", "SMART_TECHNOLOGY");
        TotalsAnswer chineseCities = totals(client, "stage=signed&by=city&country=CN&occasion=" + OCCASION);
        assertThat(chineseCities.rowCount()).as("Urumqi and 28 partner cities").isEqualTo(29);
        assertThat(chineseCities.row("city", "Urumqi")).as("every agreement has a party in Urumqi").isEqualTo(PUBLISHED);
        assertThat(totals(client, "stage=signed&by=country&occasion=" + OCCASION).values("country"))
                .containsExactly("CN", "KZ", "UZ");
        assertThat(totals(client, "stage=certified&by=year&occasion=" + OCCASION).values("year"))
                .containsExactly("2024", "2025");
        assertThat(totals(client, "stage=pending&occasion=" + OCCASION).total()).isEqualTo(TotalsAnswer.NOTHING);
    }
}
