package org.agreementledger.api.operations;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ObservedHttpContractTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics an operator scrapes, for ADMIN only: Axon's own and the ledger's. */
class MetricsTest extends ObservedHttpContractTest {

    @Test
    void prometheusFindsAxonsMetricsAndTheLedgersForAnAdminOnly() {
        String id = propose("1.00");
        Answer refused = client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "XJ-2024-0003", "certifiedOn", "2024-09-02"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(client.get("auditor", "/api/ledger/verify").status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        client.post("registrar", "/api/agreements", Agreements.proposal("2.00"), key);
        Answer replayed = client.post("registrar", "/api/agreements", Agreements.proposal("2.00"), key);
        assertThat(replayed.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");

        Answer scraped = client.get("admin", "/actuator/prometheus");

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.text()).contains(
                "ledger_commands_total{outcome=\"accepted\",type=\"ProposeAgreement\"}",
                "ledger_commands_total{outcome=\"lifecycle-violation\",type=\"CertifyAgreement\"}",
                "ledger_idempotent_replays_total 1.0",
                "commandBus_successCounter_total{payloadType=\"ProposeAgreement\"}",
                "ledger_projection_lag_events ",
                "ledger_projection_lag_seconds ",
                "ledger_events_logged ",
                "ledger_agreements ",
                "ledger_verification_last_duration_seconds ",
                "ledger_verification_last_intact 1.0",
                "ledger_verification_last_finished ");
        assertThat(client.get("auditor", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(client.get(null, "/actuator/prometheus").status()).isEqualTo(401);
    }
}
