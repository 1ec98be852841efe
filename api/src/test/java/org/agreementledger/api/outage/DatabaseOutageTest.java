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

import java.nio.file.Path;
import java.time.Duration;

import static org.agreementledger.api.outage.ServiceOnAnOutage.assertUnavailableWithin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a database that goes away under it, through a relay the test controls: while the
 * database is cut off or hangs, every request is answered 503 with Retry-After within a bound
 * (a 5 s connection wait, here a 3 s reply wait), and nothing is written; once it is back, the
 * service answers as before without a restart.
 */
class DatabaseOutageTest {

    /** The connection wait, a reply wait, and Hikari's check of a pooled connection, with room to spare. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path directory;
    private static EmbeddedPostgres database;
    private static TcpProxy relay;
    private static ConfigurableApplicationContext service;
    private static LedgerClient client;

    @BeforeAll
    static void startTheServiceBehindARelay() throws Exception {
        database = EmbeddedPostgres.builder().start();
        relay = new TcpProxy(database.getPort());
        service = ServiceOnAnOutage.start(
                "jdbc:postgresql://127.0.0.1:" + relay.port() + "/postgres?user=postgres", directory,
                "--spring.datasource.hikari.data-source-properties.socketTimeout=3");
        client = ServiceOnAnOutage.clientOf(service);
    }

    @AfterAll
    static void stop() throws Exception {
        relay.restore();
        service.close();
        relay.close();
        database.close();
    }

    @Test
    void aDatabaseCutOffOrHangingIsA503WithRetryAfterWithinABoundAndWritesNothing() throws Exception {
        assertThat(client.post("registrar", "/api/agreements", Agreements.proposal("1.00")).status()).isEqualTo(201);
        long events = eventCount();

        relay.cut();
        assertUnavailableWithin(BOUND, () -> client.post("registrar", "/api/agreements", Agreements.proposal("2.00")));
        assertUnavailableWithin(BOUND, () -> client.get("analyst", "/api/totals"));
        Answer readiness = client.get("admin", "/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
        assertThat(readiness.body().at("/components/db/status").asText()).as(readiness.text()).isEqualTo("DOWN");
        assertThat(client.get(null, "/actuator/health/liveness").status()).as("alive all the same").isEqualTo(200);

        relay.restore();
        relay.stall();
        assertUnavailableWithin(BOUND, () -> client.post("registrar", "/api/agreements", Agreements.proposal("3.00")));
        assertUnavailableWithin(BOUND, () -> client.get("auditor", "/api/ledger/events?after=0&limit=5"));

        relay.restore();
        ReadSide.eventually(() -> {
            Answer ready = client.get("admin", "/actuator/health/readiness");
            assertThat(ready.status()).as("ready again by itself: " + ready.text()).isEqualTo(200);
        });
        assertThat(eventCount()).as("no refused command wrote an event").isEqualTo(events);
        assertThat(client.post("registrar", "/api/agreements", Agreements.proposal("4.00")).status())
                .as("the service serves again once the database is back").isEqualTo(201);
    }

    private static long eventCount() {
        return new JdbcTemplate(database.getPostgresDatabase())
                .queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
