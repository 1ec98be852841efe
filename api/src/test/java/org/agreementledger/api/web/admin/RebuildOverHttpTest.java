package org.agreementledger.api.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.ledger.domain.Party;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.agreementledger.api.support.GatewayCommands.party;
import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.everyTotal;
import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.agreementledger.ledger.domain.CooperationKind.INDUSTRY;
import static org.agreementledger.ledger.domain.CooperationKind.TECHNOLOGY;
import static org.agreementledger.ledger.domain.Money.of;
import static org.assertj.core.api.Assertions.assertThat;

class RebuildOverHttpTest extends ReadSideIntegrationTest {

    private static final Party CHANGSHA = party("R-CHANGSHA", "Changsha", "CN");
    private static final Party ALMATY = party("R-ALMATY", "Almaty", "KZ");
    private static final Party SAMARKAND = party("R-SAMARKAND", "Samarkand", "UZ");


    @Test
    void aCorruptedReadModelIsReportedByTheReconciliationAndARebuildRestoresIdenticalResults() {
        UUID certified = commands.propose(occasion, "SMART_TECHNOLOGY", TECHNOLOGY, of("300.00", "CNY"),
                LocalDate.of(2024, 8, 20), CHANGSHA, ALMATY, SAMARKAND);
        commands.signByAll(certified, LocalDate.of(2024, 8, 22), CHANGSHA, ALMATY, SAMARKAND);
        commands.certify(certified, LocalDate.of(2025, 1, 5));
        UUID pending = commands.propose(occasion, "LOGISTICS", INDUSTRY, of("45.67", "EUR"),
                LocalDate.of(2023, 2, 1), CHANGSHA, ALMATY);
        reconcilesWithNothingLeftToProcess(client);
        List<String> before = everyTotal(client);
        JsonNode agreementBefore = client.get("registrar", "/api/agreements/" + certified).body();

        jdbc.update("UPDATE totals_bucket SET agreement_count = agreement_count + 5 WHERE occasion = ?", occasion);
        jdbc.update("DELETE FROM agreement_view WHERE agreement_id = ?", pending);
        JsonNode report = client.get("admin", "/api/admin/reconciliation").body();
        assertThat(report.get("consistent").asBoolean()).isFalse();
        assertThat(report.get("bucketDifferences")).isNotEmpty();
        assertThat(report.get("agreementDifferences").get(0).get("agreementId").asText()).isEqualTo(pending.toString());
        assertThat(report.get("agreementDifferences").get(0).get("recomputed").asText()).isEqualTo("PROPOSED");
        assertThat(report.get("agreementDifferences").get(0).get("readModel").isNull()).isTrue();

        Answer rebuild = client.post("admin", "/api/admin/projections/rebuild", Map.of());
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.body().get("processors").get(0).get("name").asText()).isEqualTo("agreement-projection");

        reconcilesWithNothingLeftToProcess(client);
        eventually(() -> assertThat(everyTotal(client)).isEqualTo(before));
        assertThat(client.get("registrar", "/api/agreements/" + certified).body()).isEqualTo(agreementBefore);
        assertThat(client.get("registrar", "/api/agreements/" + pending).status()).isEqualTo(200);
    }

    @Test
    void theProcessorsStateIsShownToAdministrators() {

        Answer projections = client.get("admin", "/api/admin/projections");

        assertThat(projections.status()).isEqualTo(200);
        JsonNode processor = projections.body().get("processors").get(0);
        assertThat(processor.get("name").asText()).isEqualTo("agreement-projection");
        assertThat(processor.get("running").asBoolean()).isTrue();
        eventually(() -> assertThat(client.get("admin", "/api/admin/projections").body().get("processors").get(0)
                .get("segments")).as("four segments, all claimed by this one node").hasSize(4));
    }

    @Test
    void onlyAdministratorsRebuildReconcileOrLoadTheDemoData() {
        for (String user : List.of("analyst", "auditor", "registrar")) {
            assertThat(client.post(user, "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(403);
            assertThat(client.get(user, "/api/admin/reconciliation").status()).isEqualTo(403);
            assertThat(client.get(user, "/api/admin/projections").status()).isEqualTo(403);
            assertThat(client.post(user, "/api/admin/demo-data", Map.of()).status()).isEqualTo(403);
        }
    }
}
