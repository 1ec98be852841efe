package org.agreementledger.api.scaleout;

import com.zaxxer.hikari.HikariDataSource;
import org.agreementledger.api.LedgerApplication;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.ReadSide;
import org.agreementledger.api.support.TotalsAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two service nodes on one PostgreSQL: commands go to either node, commands on one agreement
 * from both nodes at once are serialised by the event store, the projection's segments are shared
 * between the nodes through the token store, and every event is counted once in the totals.
 */
class TwoNodesOnOneDatabaseTest {

    private static final int AGREEMENTS = 20;

    @Test
    void commandsThroughEitherNodeAreRecordedOnceAndCountedOnce(@TempDir Path dataDirectory) throws Exception {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0", "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.port=0", "--ledger.demo-data.enabled=false", "--ledger.node-id=node-a",
                "--ledger.log.signing-key-file=" + dataDirectory.resolve("signing-key.pem"));
             ConfigurableApplicationContext second = new SpringApplicationBuilder(LedgerApplication.class).run(
                     "--server.port=0",
                     "--spring.datasource.url=" + first.getBean(HikariDataSource.class).getJdbcUrl(),
                     "--ledger.demo-data.enabled=false", "--ledger.node-id=node-b",
                     "--ledger.log.checkpoint-directory=" + dataDirectory.resolve("node-b-checkpoints"),
                     // the nodes of one ledger share its key: it attests their events and signs its checkpoints
                     "--ledger.log.signing-key-file=" + dataDirectory.resolve("signing-key.pem"))) {
            List<LedgerClient> nodes = List.of(clientOf(first), clientOf(second));

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < AGREEMENTS; i++) {
                Answer proposed = nodes.get(i % 2).post("registrar", "/api/agreements",
                        Agreements.proposal("1000.00"));
                assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
                ids.add(proposed.body().get("agreementId").asText());
            }
            for (String id : ids) {
                CompletableFuture<Answer> onFirst = CompletableFuture.supplyAsync(() -> nodes.get(0).post(
                        "signatory-xju", "/api/agreements/" + id + "/signatures",
                        Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")));
                CompletableFuture<Answer> onSecond = CompletableFuture.supplyAsync(() -> nodes.get(1).post(
                        "signatory-kbtu", "/api/agreements/" + id + "/signatures",
                        Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-23")));
                assertThat(onFirst.get().status()).as(onFirst.get().text()).isEqualTo(200);
                assertThat(onSecond.get().status()).as(onSecond.get().text()).isEqualTo(200);
            }

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            ReadSide.eventually(() -> assertThat(jdbc.queryForList(
                    "SELECT owner FROM token_entry WHERE processor_name = 'agreement-projection' ORDER BY owner",
                    String.class)).as("each node claims two of the four segments")
                    .containsExactly("node-a", "node-a", "node-b", "node-b"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                    .isEqualTo(AGREEMENTS * 4L);
            for (LedgerClient node : nodes) {
                ReadSide.reconcilesWithNothingLeftToProcess(node);
                assertThat(ReadSide.totals(node, "stage=signed").total())
                        .isEqualTo(TotalsAnswer.Bucket.of(AGREEMENTS, "CNY", "20000.00"));
            }
            Answer verification = nodes.get(1).get("auditor", "/api/ledger/verify");
            assertThat(verification.body().get("intact").asBoolean()).as(verification.text()).isTrue();
        }
    }

    @Test
    void aNodeWithAnotherKeyThanTheLedgersRefusesToStart(@TempDir Path dataDirectory) {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0", "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.port=0", "--ledger.demo-data.enabled=false", "--ledger.node-id=node-a",
                "--ledger.log.signing-key-file=" + dataDirectory.resolve("signing-key.pem"))) {
            LedgerClient client = clientOf(first);
            assertThat(client.post("registrar", "/api/agreements", Agreements.proposal("1.00")).status()).isEqualTo(201);
            ReadSide.eventually(() -> assertThat(client.get("auditor", "/api/ledger/checkpoint").status()).isEqualTo(200));

            assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + first.getBean(HikariDataSource.class).getJdbcUrl(),
                    "--ledger.demo-data.enabled=false", "--ledger.node-id=node-b",
                    "--ledger.log.checkpoint-directory=" + dataDirectory.resolve("node-b-checkpoints"),
                    "--ledger.log.signing-key-file=" + dataDirectory.resolve("another-key.pem")).close())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not the key of the ledger it runs on");
        }
    }

    private static LedgerClient clientOf(ConfigurableApplicationContext node) {
        String port = node.getEnvironment().getProperty("local.server.port");
        return new LedgerClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
