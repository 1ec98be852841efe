package org.agreementledger.api.web.query;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.TotalsAnswer;
import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.agreementledger.projections.agreement.AgreementProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command answers the global position of its last event; a query that sends it back in
 * X-Ledger-Position sees that write, or is refused 503 not-yet-projected: it is never a stale read.
 * A position that holds no event was never answered: 400.
 */
class ReadYourWritesTest extends HttpContractTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aQueryWithTheCommandsPositionSeesTheCommandsWriteEveryTime() {
        for (int i = 0; i < 20; i++) {
            Answer proposed = client.post("registrar", "/api/agreements", Agreements.proposal("7.00"));
            String id = proposed.body().get("agreementId").asText();
            long position = proposed.body().get("position").asLong();
            assertThat(position).isEqualTo(jdbc.queryForObject(
                    "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id));

            Answer read = client.exchange("analyst", HttpMethod.GET, "/api/agreements/" + id, null, at(position));

            assertThat(read.status()).as(read.text()).isEqualTo(200);
            assertThat(read.body().get("status").asText()).isEqualTo("PROPOSED");
        }
    }

    @Test
    void listsAndTotalsWithThePositionIncludeTheWriteToo() {
        String occasion = "read-your-writes-" + UUID.randomUUID();
        Map<String, Object> proposal = new HashMap<>(Agreements.proposal("7.00"));
        proposal.put("occasion", occasion);
        Answer proposed = client.post("registrar", "/api/agreements", proposal);
        String id = proposed.body().get("agreementId").asText();
        HttpHeaders atProposal = at(proposed.body().get("position").asLong());

        Answer list = client.exchange("analyst", HttpMethod.GET, "/api/agreements?occasion=" + occasion, null,
                atProposal);
        Answer totals = client.exchange("analyst", HttpMethod.GET, "/api/totals?stage=pending&occasion=" + occasion,
                null, atProposal);

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.text()).contains(id);
        assertThat(totals.status()).as(totals.text()).isEqualTo(200);
        assertThat(new TotalsAnswer(totals.body()).total()).isEqualTo(Bucket.of(1, "CNY", "7.00"));
    }

    @Test
    void aPositionTheReadModelsHaveNotReachedIsRefusedNotAnsweredStale() {
        EventProcessor projection = processing.eventProcessor(AgreementProjection.PROCESSING_GROUP).orElseThrow();
        projection.shutDown();
        try {
            Answer proposed = client.post("registrar", "/api/agreements", Agreements.proposal("7.00"));

            Answer read = client.exchange("analyst", HttpMethod.GET, "/api/totals", null,
                    at(proposed.body().get("position").asLong()));

            assertThat(read.status()).isEqualTo(503);
            assertThat(read.body().get("type").asText()).endsWith(":not-yet-projected");
            assertThat(read.headers().getFirst("Retry-After")).isNotBlank();
        } finally {
            projection.start();
        }
    }

    @Test
    void aPositionThatIsNoPositionIsABadRequest() {
        String noEventThere = String.valueOf(Long.MAX_VALUE / 2);
        for (String notAPosition : new String[]{"x", "-1", "0", "1.5", "", noEventThere}) {
            Answer read = client.exchange("analyst", HttpMethod.GET, "/api/totals", null, header(notAPosition));
            assertThat(read.status()).as(notAPosition).isEqualTo(400);
            assertThat(read.text()).contains("X-Ledger-Position");
        }
    }

    private static HttpHeaders at(long position) {
        return header(String.valueOf(position));
    }

    private static HttpHeaders header(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Ledger-Position", value);
        return headers;
    }
}
