package org.agreementledger.api.outage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.agreementledger.api.outage.ServiceOnAnOutage.assertUnavailableWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that accepts connections and reads but cannot commit: the classic case of a primary
 * whose synchronous standby is gone, made here by naming a standby that never connects. Commands are
 * answered 503 within the commit bound (3 s here) and readiness says why; once a standby confirms
 * again (here: none is required any more) the held commit lands, readiness comes back by itself, and
 * the command retried with its Idempotency-Key gets the first answer without writing anew.
 */
class CommitStallTest {

    /** The commit bound, a connection wait, and room to spare. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    static Path directory;
    private static EmbeddedPostgres database;
    private static JdbcTemplate superuser;
    private static ConfigurableApplicationContext service;
    private static LedgerClient client;

    @BeforeAll
    static void startTheService() throws IOException {
        // the embedded library's default is a test database's, with synchronous commit off
        database = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        superuser = new JdbcTemplate(database.getPostgresDatabase());
        service = ServiceOnAnOutage.start(
                "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres?user=postgres", directory,
                "--ledger.database.commit-timeout=3s",
                "--ledger.health.max-commit-wait=1s");
        client = ServiceOnAnOutage.clientOf(service);
    }

    @AfterAll
    static void stop() throws Exception {
        requireStandby(null);
        service.close();
        database.close();
    }

    @Test
    void commitsHeldForAStandbyAre503sWithinABoundAndTheRetryGetsTheFirstAnswerOnceTheyLand() throws Exception {
        assertThat(client.post("registrar", "/api/agreements", Agreements.proposal("1.00")).status()).isEqualTo(201);
        long events = eventCount();

        requireStandby("a_standby_that_never_connects");
        assertUnavailableWithin(BOUND, () -> client.post("registrar", "/api/agreements", Agreements.proposal("2.00"), "held-1"));
        assertUnavailableWithin(BOUND, () -> client.post("registrar", "/api/agreements", Agreements.proposal("2.00"), "held-1"));
        ReadSide.eventually(() -> {
            Answer readiness = client.get("admin", "/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
            assertThat(readiness.body().at("/components/databaseCommits/details/reason").asText())
                    .as(readiness.text()).startsWith("database not committing");
        });
        assertThat(client.get(null, "/actuator/health/liveness").status()).as("alive all the same").isEqualTo(200);
        Answer totals = client.get("analyst", "/api/totals");
        assertThat(totals.status()).as("the read models are served while commits are held: " + totals.text())
                .isEqualTo(200);

        requireStandby(null);
        ReadSide.eventually(() -> {
            Answer ready = client.get("admin", "/actuator/health/readiness");
            assertThat(ready.status()).as("ready again by itself: " + ready.text()).isEqualTo(200);
        });
        assertThat(eventCount()).as("the held commit landed once nothing held it").isEqualTo(events + 1);

        Answer retried = client.post("registrar", "/api/agreements", Agreements.proposal("2.00"), "held-1");
        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(eventCount()).as("the retry wrote nothing new").isEqualTo(events + 1);
        String agreement = retried.headers().getLocation().getPath();
        ReadSide.eventually(() -> assertThat(client.get("auditor", agreement).status()).isEqualTo(200));
        assertThat(client.post("registrar", "/api/agreements", Agreements.proposal("3.00")).status())
                .as("commands are acknowledged again").isEqualTo(201);
    }

    /**
     * Names the standby every commit must wait for, or none. PostgreSQL's checkpointer applies the
     * reloaded setting to commits a moment after the reload; the pause leaves it that moment.
     */
    private static void requireStandby(String name) throws InterruptedException {
        superuser.execute(name == null ? "ALTER SYSTEM RESET synchronous_standby_names"
                : "ALTER SYSTEM SET synchronous_standby_names = '" + name + "'");
        superuser.queryForObject("SELECT pg_reload_conf()", Boolean.class);
        Thread.sleep(1000);
    }

    private static long eventCount() {
        return superuser.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
