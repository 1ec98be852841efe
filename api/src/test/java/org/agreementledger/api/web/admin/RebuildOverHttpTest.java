package org.agreementledger.api.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.ledger.domain.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
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

    @Autowired
    private DataSource dataSource;

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
        // as a writer of the totals would: answers kept at the version before are not given again
        jdbc.update("UPDATE totals_version SET version = version + 1");
        assertThat(everyTotal(client)).as("the corrupted totals, read afresh").isNotEqualTo(before);
        jdbc.update("DELETE FROM agreement_view WHERE agreement_id = ?", pending);
        UUID neverProposed = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO agreement_view (agreement_id, title, kind, sector, amount, currency, proposed_on,
                                            proposed_by, status, last_sequence_number)
                VALUES (?, 'no such agreement', 'TECHNOLOGY', 'LOGISTICS', 1, 'CNY', DATE '2024-08-22', 'nobody',
                        'SIGNED', 3)""", neverProposed);
        JsonNode report = client.get("admin", "/api/admin/reconciliation").body();
        assertThat(report.get("consistent").asBoolean()).isFalse();
        assertThat(report.get("bucketDifferences")).isNotEmpty();
        assertThat(report.get("agreementDifferences")).extracting(difference -> List.of(
                        difference.get("agreementId").asText(), difference.get("recomputed").asText("none"),
                        difference.get("readModel").asText("none")))
                .contains(List.of(pending.toString(), "PROPOSED", "none"),
                        List.of(neverProposed.toString(), "none", "SIGNED"));

        List<String> schemaBefore = readModelSchema();
        Answer rebuild = client.post("admin", "/api/admin/projections/rebuild", Map.of());
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.body().get("processors").get(0).get("name").asText()).isEqualTo("agreement-projection");

        eventually(() -> assertThat(rebuildState().get("phase").asText()).isEqualTo("DONE"));
        assertThat(rebuildState().get("events").asLong()).isPositive();
        assertThat(readModelSchema()).as("the same keys, indexes and statistics, under the same names")
                .isEqualTo(schemaBefore).anyMatch(definition -> definition.startsWith("statistics "));
        reconcilesWithNothingLeftToProcess(client);
        assertThat(everyTotal(client)).isEqualTo(before);
        assertThat(client.get("registrar", "/api/agreements/" + certified).body()).isEqualTo(agreementBefore);
        assertThat(client.get("registrar", "/api/agreements/" + pending).status()).isEqualTo(200);
        assertThat(client.get("registrar", "/api/agreements/" + neverProposed).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'read_model%'",
                Integer.class)).as("no schema left aside").isZero();

        UUID proposedAfterwards = commands.propose(occasion, "LOGISTICS", INDUSTRY, of("1.00", "CNY"),
                LocalDate.of(2024, 8, 23), CHANGSHA, SAMARKAND);
        eventually(() -> assertThat(client.get("registrar", "/api/agreements/" + proposedAfterwards).status())
                .as("the processor goes on from where the rebuild left it").isEqualTo(200));
    }

    @Test
    void whileTheTablesInUseStayBusyARebuildSwitchesNothingAndTheProcessorGoesOn() throws Exception {
        commands.propose(occasion, "SMART_TECHNOLOGY", TECHNOLOGY, of("10.00", "CNY"), LocalDate.of(2024, 8, 20),
                CHANGSHA, ALMATY);
        reconcilesWithNothingLeftToProcess(client);
        String corrupt = "UPDATE totals_bucket SET agreement_count = agreement_count + ?"
                + " WHERE occasion = ? AND sector = 'SMART_TECHNOLOGY'";
        jdbc.update(corrupt, 5, occasion);
        try {
            List<String> corrupted = everyTotal(client);

            try (Connection reader = dataSource.getConnection()) {
                reader.setAutoCommit(false);
                // a reader's transaction holds its lock on the table until it ends
                reader.createStatement().execute("SELECT count(*) FROM totals_bucket");
                assertThat(client.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
                eventually(() -> assertThat(rebuildState().get("phase").asText()).isEqualTo("FAILED"));
                reader.rollback();
            }

            assertThat(rebuildState().get("message").asText()).contains("busy");
            assertThat(everyTotal(client)).isEqualTo(corrupted);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'read_model%'",
                    Integer.class)).as("no schema left aside").isZero();
            UUID proposedAfterwards = commands.propose(occasion, "LOGISTICS", INDUSTRY, of("1.00", "CNY"),
                    LocalDate.of(2024, 8, 23), CHANGSHA, SAMARKAND);
            eventually(() -> assertThat(client.get("registrar", "/api/agreements/" + proposedAfterwards).status())
                    .isEqualTo(200));
        } finally {
            jdbc.update(corrupt, -5, occasion); // the ledger is shared with the other tests
            jdbc.update("UPDATE totals_version SET version = version + 1");
        }
    }

    @Test
    void aSwapWaitingForAReaderYieldsToItAndTriesAgain() throws Exception {
        commands.propose(occasion, "LOGISTICS", INDUSTRY, of("20.00", "CNY"), LocalDate.of(2024, 8, 20),
                CHANGSHA, SAMARKAND);
        reconcilesWithNothingLeftToProcess(client);

        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            // the parties' table first, as a listing by place reads it before the agreements
            reader.createStatement().execute("SELECT count(*) FROM agreement_party_view");
            assertThat(client.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
            eventually(() -> assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE%agreement_party_view%'""",
                    Integer.class)).as("the swap holds the agreements and waits for the parties").isPositive());

            reader.createStatement().execute("SELECT count(*) FROM agreement_view");
            reader.commit();
        }

        eventually(() -> assertThat(rebuildState().get("phase").asText()).isEqualTo("DONE"));
    }

    /** The read model tables' constraints and indexes, by name and definition. */
    private List<String> readModelSchema() {
        return jdbc.queryForList("""
                SELECT 'constraint ' || c.conname || ': ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                WHERE t.relnamespace = current_schema()::regnamespace
                  AND t.relname IN ('agreement_view', 'agreement_party_view', 'totals_bucket')
                UNION ALL
                SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes
                WHERE schemaname = current_schema()
                  AND tablename IN ('agreement_view', 'agreement_party_view', 'totals_bucket')
                UNION ALL
                SELECT 'statistics ' || s.stxname || ': ' || pg_get_statisticsobjdef(s.oid)
                FROM pg_statistic_ext s JOIN pg_class t ON t.oid = s.stxrelid
                WHERE t.relnamespace = current_schema()::regnamespace
                  AND t.relname IN ('agreement_view', 'agreement_party_view', 'totals_bucket')
                ORDER BY 1""", String.class);
    }

    private JsonNode rebuildState() {
        return client.get("admin", "/api/admin/projections").body().get("rebuild");
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
