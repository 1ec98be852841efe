package org.agreementledger.api.embedded;

import org.agreementledger.api.support.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default's PostgreSQL, asked how it runs. */
@LedgerIntegrationTest
@DisabledIfEnvironmentVariable(named = "LEDGER_DB_URL", matches = ".+", disabledReason = "tests the embedded server")
class EmbeddedPostgresServerTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theServerTheServiceRunsOnIsDurable() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void aSecondServiceOnTheSameDataDirectoryIsRefused(@TempDir Path directory) throws Exception {
        EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(directory.resolve("postgres"), 0, true);
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(properties)) {
            assertThat(first.port()).isPositive();

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(properties))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another service is running on");
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(properties)) {
            assertThat(again.port()).as("the directory is free once the first one stopped").isPositive();
        }
    }

    private String show(String setting) {
        return jdbc.queryForObject("SHOW " + setting, String.class);
    }
}
