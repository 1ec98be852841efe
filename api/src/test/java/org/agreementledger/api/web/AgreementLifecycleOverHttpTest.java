package org.agreementledger.api.web;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.LedgerClient;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.Instant;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementLifecycleOverHttpTest extends HttpContractTest {

    @Test
    void registrarProposesBothPartiesSignAndTheCertifierCertifies() {
        Answer proposed = client.post("registrar", "/api/agreements", Agreements.proposal("12500000.00"));
        assertThat(proposed.status()).isEqualTo(201);
        String id = proposed.body().get("agreementId").asText();
        assertThat(proposed.headers().getLocation()).hasToString("/api/agreements/" + id);
        assertThat(proposed.body().get("status").asText()).isEqualTo("PROPOSED");

        Answer first = client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("status").asText()).isEqualTo("PROPOSED");

        Answer second = client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));
        assertThat(second.body().get("status").asText()).isEqualTo("SIGNED");

        Answer certified = client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "XJ-2024-0001", "certifiedOn", "2024-09-02"));
        assertThat(certified.status()).isEqualTo(200);
        assertThat(certified.body().get("status").asText()).isEqualTo("CERTIFIED");

        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT payload_type, convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", id);
        assertThat(events).extracting(row -> row.get("payload_type").toString().replaceAll(".*\\.", ""))
                .containsExactly("AgreementProposed", "AgreementSigned", "AgreementSigned",
                        "AgreementFullySigned", "AgreementCertified");
        assertThat(events).extracting(row -> row.get("actor"))
                .containsExactly("registrar", "signatory-xju", "signatory-kbtu", "signatory-kbtu", "certifier");
    }

    @Test
    void everyEventCarriesTheActorTheInstantItWasRecordedAndTheRequestsCorrelationId() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", "conference-batch-7");
        Answer proposed = client.exchange("registrar", HttpMethod.POST, "/api/agreements",
                Agreements.proposal("99.00"), headers);
        String id = proposed.body().get("agreementId").asText();
        assertThat(proposed.headers().getFirst("X-Correlation-Id")).isEqualTo("conference-batch-7");

        Map<String, Object> metaData = jdbc.queryForMap("""
                SELECT m ->> 'actor' AS actor, m ->> 'correlationId' AS correlation_id,
                       m ->> 'recordedAt' AS recorded_at, m ->> 'hash' AS hash
                FROM (SELECT convert_from(meta_data, 'UTF8')::jsonb AS m
                      FROM domain_event_entry WHERE aggregate_identifier = ?) event""", id);
        assertThat(metaData.get("actor")).isEqualTo("registrar");
        assertThat(metaData.get("correlation_id")).isEqualTo("conference-batch-7");
        assertThat(Instant.parse(metaData.get("recorded_at").toString()))
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(metaData.get("hash").toString()).hasSize(64);
    }

    @Test
    void theProposingRegistrarIsTheAuthenticatedOneWhateverTheBodySays() {
        Answer proposed = client.post("registrar2", "/api/agreements", Agreements.proposal("5.00"));
        String id = proposed.body().get("agreementId").asText();

        String proposedBy = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'proposedBy' FROM domain_event_entry
                WHERE aggregate_identifier = ?""", String.class, id);
        assertThat(proposedBy).isEqualTo("registrar2");
        Answer withdrawn = client.post("registrar2", "/api/agreements/" + id + "/withdrawal", Map.of());
        assertThat(withdrawn.body().get("status").asText()).isEqualTo("WITHDRAWN");
    }
}
