package org.agreementledger.api.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.ledger.chain.EventHasher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail over HTTP: one agreement's history, the ledger feed and its export, and who may read them. */
class AuditTrailOverHttpTest extends HttpContractTest {

    private static final List<String> AUDIT_READS = List.of("/history", "/certificate");
    private static final List<String> LEDGER_READS = List.of("/api/ledger/events", "/api/ledger/export",
            "/api/ledger/verify");

    private final ObjectMapper json = new ObjectMapper();

    /** Proposes, both parties sign, the certifier certifies; answers the agreement id and each command's correlation id. */
    private Lifecycle certifiedAgreement() {
        Answer proposed = client.post("registrar", "/api/agreements", Agreements.proposal("12500000.00"));
        String id = proposed.body().get("agreementId").asText();
        Answer first = client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        Answer second = client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-23"));
        Answer certified = client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "XJ-2024-0001", "certifiedOn", "2024-09-02"));
        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        return new Lifecycle(id, List.of(proposed, first, second, second, certified).stream()
                .map(answer -> answer.body().get("correlationId").asText()).toList());
    }

    private record Lifecycle(String id, List<String> correlationIds) {
    }

    @Test
    void theHistoryShowsEveryEventInChainOrderWithItsFacts() {
        Lifecycle lifecycle = certifiedAgreement();

        Answer history = client.get("auditor", "/api/agreements/" + lifecycle.id() + "/history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().get("agreementId").asText()).isEqualTo(lifecycle.id());
        List<JsonNode> events = new ArrayList<>();
        history.body().get("events").forEach(events::add);
        assertThat(events).extracting(event -> event.get("type").asText()).containsExactly("AgreementProposed",
                "AgreementSigned", "AgreementSigned", "AgreementFullySigned", "AgreementCertified");
        assertThat(events).extracting(event -> event.get("actor").asText())
                .containsExactly("registrar", "signatory-xju", "signatory-kbtu", "signatory-kbtu", "certifier");
        assertThat(events).extracting(event -> event.get("businessDate").asText())
                .containsExactly("2024-08-20", "2024-08-22", "2024-08-23", "2024-08-23", "2024-09-02");
        assertThat(events).extracting(event -> event.get("sequenceNumber").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(events).extracting(event -> event.get("correlationId").asText())
                .containsExactlyElementsOf(lifecycle.correlationIds());
        assertThat(events.get(0).get("previousHash").asText()).isEqualTo(EventHasher.GENESIS);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("previousHash").asText()).isEqualTo(events.get(i - 1).get("hash").asText());
            assertThat(events.get(i).get("globalPosition").asLong())
                    .isGreaterThan(events.get(i - 1).get("globalPosition").asLong());
        }
        List<String> storedHashes = jdbc.queryForList("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, lifecycle.id());
        assertThat(events).extracting(event -> event.get("hash").asText()).containsExactlyElementsOf(storedHashes);
        assertThat(events).allSatisfy(event -> assertThat(Instant.parse(event.get("recordedAt").asText()))
                .isBeforeOrEqualTo(Instant.now()));
        JsonNode proposal = events.get(0).get("payload");
        assertThat(proposal.get("value").get("amount").asText()).isEqualTo("12500000.00");
        assertThat(proposal.get("parties")).hasSize(2);
        assertThat(events.get(4).get("payload").get("certificateNo").asText()).isEqualTo("XJ-2024-0001");
    }

    @Test
    void theHistoryOfAnUnknownAgreementIsANotFoundProblem() {
        Answer answer = client.get("auditor", "/api/agreements/" + UUID.randomUUID() + "/history");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("agreement-not-found");
        assertThat(client.get("auditor", "/api/agreements/not-a-uuid/history").status()).isEqualTo(400);
    }

    @Test
    void theLedgerFeedPagesThroughEveryEventInGlobalOrder() {
        long before = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Lifecycle first = certifiedAgreement();
        Lifecycle second = certifiedAgreement();

        List<JsonNode> seen = new ArrayList<>();
        long after = before;
        for (boolean more = true; more; ) {
            Answer page = client.get("auditor", "/api/ledger/events?after=" + after + "&limit=3");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().get("events").size()).isLessThanOrEqualTo(3);
            page.body().get("events").forEach(seen::add);
            long next = page.body().get("next").asLong();
            more = page.body().get("more").asBoolean();
            assertThat(next).isGreaterThanOrEqualTo(after);
            after = next;
        }

        assertThat(seen).extracting(event -> event.get("globalPosition").asLong()).isSorted().doesNotHaveDuplicates()
                .allSatisfy(position -> assertThat(position).isGreaterThan(before));
        assertThat(seen).filteredOn(event -> event.get("agreementId").asText().equals(first.id())).hasSize(5);
        assertThat(seen).filteredOn(event -> event.get("agreementId").asText().equals(second.id()))
                .extracting(event -> event.get("type").asText())
                .containsExactly("AgreementProposed", "AgreementSigned", "AgreementSigned", "AgreementFullySigned",
                        "AgreementCertified");
        assertThat(seen.get(seen.size() - 1).get("globalPosition").asLong()).isEqualTo(after);
    }

    @Test
    void aPageHoldsAtMostAThousandEventsWhateverTheLimitAsked() {
        certifiedAgreement();

        Answer page = client.get("auditor", "/api/ledger/events?after=0&limit=5000");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("limit").asInt()).isEqualTo(1000);
        assertThat(page.body().get("after").asLong()).isZero();
        assertThat(page.body().get("stablePosition").asLong()).isPositive();
    }

    @Test
    void badFeedAndExportParametersAreBadRequestProblems() {
        for (String query : List.of("/api/ledger/events?after=-1", "/api/ledger/events?limit=0",
                "/api/ledger/events?limit=-5", "/api/ledger/events?limit=abc", "/api/ledger/events?after=x",
                "/api/ledger/events?limit=99999999999", "/api/ledger/export?after=-2",
                "/api/ledger/export?after=10&until=9", "/api/ledger/export?until=soon")) {
            ResponseEntity<String> answer = rest.withBasicAuth("auditor", "auditor-pass")
                    .getForEntity(query, String.class);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(query).hasToString("application/problem+json");
            assertThat(answer.getBody()).as(query).contains("\"code\":\"invalid-parameter\"");
        }
    }

    @Test
    void theExportWritesOneJsonObjectALineForTheRangeAsked() throws IOException {
        long before = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        Lifecycle lifecycle = certifiedAgreement();
        long until = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, lifecycle.id());

        ResponseEntity<String> export = rest.withBasicAuth("auditor", "auditor-pass")
                .getForEntity("/api/ledger/export?after=" + before + "&until=" + until, String.class);

        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentType()).hasToString("application/x-ndjson");
        assertThat(export.getHeaders().getFirst("X-Ledger-Through-Position")).isEqualTo(Long.toString(until));
        assertThat(export.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("ledger-" + before + "-" + until + ".ndjson");
        String[] lines = export.getBody().split("\n");
        long inRange = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND global_index <= ?",
                Long.class, before, until);
        assertThat(lines).hasSize((int) inRange);
        List<Long> positions = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            positions.add(event.get("globalPosition").asLong());
            assertThat(event.has("payload") && event.has("metaData") && event.has("hash")).isTrue();
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates().last().isEqualTo(until);
    }

    @Test
    void theExportRunsToTheStablePositionWhenNoEndIsGiven() {
        certifiedAgreement();
        long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        ResponseEntity<String> export = rest.withBasicAuth("admin", "admin-pass")
                .getForEntity("/api/ledger/export?after=" + (last - 2), String.class);

        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getFirst("X-Ledger-Through-Position")).isEqualTo(Long.toString(last));
        assertThat(export.getBody().split("\n")).hasSize(2);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditTrail() {
        String id = propose("1.00");
        List<String> paths = new ArrayList<>(LEDGER_READS);
        AUDIT_READS.forEach(read -> paths.add("/api/agreements/" + id + read));

        for (String path : paths) {
            for (String user : List.of("analyst", "registrar", "signatory-xju", "certifier")) {
                Answer answer = exchange(user, HttpMethod.GET, path);
                assertThat(answer.status()).as(user + " " + path).isEqualTo(403);
                assertThat(answer.body().get("code").asText()).isEqualTo("forbidden");
            }
            assertThat(exchange(null, HttpMethod.GET, path).status()).as("anonymous " + path).isEqualTo(401);
            assertThat(exchange("auditor", HttpMethod.GET, path).status()).as("auditor " + path).isEqualTo(200);
            assertThat(exchange("admin", HttpMethod.GET, path).status()).as("admin " + path).isEqualTo(200);
        }
        for (String user : List.of("analyst", "registrar", "signatory-kbtu", "certifier")) {
            assertThat(exchange(user, HttpMethod.POST, "/api/ledger/digests").status()).as(user).isEqualTo(403);
        }
        assertThat(exchange(null, HttpMethod.POST, "/api/ledger/digests").status()).isEqualTo(401);
    }

    /** Status and, for refusals, the problem body; export answers are not JSON, so they are not parsed. */
    private Answer exchange(String user, HttpMethod method, String path) {
        ResponseEntity<String> answer = (user == null ? rest : rest.withBasicAuth(user, LedgerClient.PASSWORDS.get(user)))
                .exchange(path, method, null, String.class);
        JsonNode body;
        try {
            body = answer.getStatusCode().is2xxSuccessful() ? null : json.readTree(answer.getBody());
        } catch (IOException e) {
            throw new AssertionError("a refusal that is not JSON: " + answer.getBody(), e);
        }
        return new Answer(answer.getStatusCode().value(), answer.getHeaders(), body, answer.getBody());
    }
}
