package org.agreementledger.api;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data: what was acknowledged before a restart is there after it. */
class EmbeddedDefaultRestartTest {

    @Test
    void anAgreementProposedBeforeARestartIsThereAndCanBeSignedAfterIt(@TempDir Path dataDirectory) {
        String id;
        try (ConfigurableApplicationContext service = start(dataDirectory)) {
            Answer proposed = clientOf(service).post("registrar", "/api/agreements", Agreements.proposal("42.00"));
            assertThat(proposed.status()).isEqualTo(201);
            id = proposed.body().get("agreementId").asText();
        }

        try (ConfigurableApplicationContext restarted = start(dataDirectory)) {
            JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                    Long.class, id)).isEqualTo(1);
            Answer signed = clientOf(restarted).post("signatory-xju", "/api/agreements/" + id + "/signatures",
                    Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
            assertThat(signed.status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        // command-line arguments, because they override application.yml (builder properties would not)
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.port=0",
                "--ledger.demo-data.enabled=false");
    }

    private static LedgerClient clientOf(ConfigurableApplicationContext service) {
        String port = service.getEnvironment().getProperty("local.server.port");
        return new LedgerClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
