package org.agreementledger.projections.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL for the read side's own tests, started once per test run, with every migration
 * of the ledger and the read side applied as the service applies them.
 */
public final class ReadModelDatabase {

    private static DataSource dataSource;

    private ReadModelDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the test run ends either way
                    }
                }));
                // connections set up as the service's pool sets them up (application.yml)
                dataSource = postgres.getDatabase("postgres", "postgres",
                        Map.of("options", "-c random_page_cost=1.1"));
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true)
                        .load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return dataSource;
    }

    /** Empties the read models, so that each test starts from none. */
    public static JdbcTemplate emptyReadModels() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        jdbc.execute("TRUNCATE agreement_party_view, agreement_view, totals_bucket");
        return jdbc;
    }
}
