package org.agreementledger.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.support.ReplicatedPostgres;
import org.agreementledger.api.support.ServiceProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a PostgreSQL primary with a synchronous streaming standby, through a multi-host
 * URL that asks for the primary ({@code docs/replicated-database.md}).
 */
class ReplicatedDatabaseIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.getInteger("failover.runs", 3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PROMOTION_DELAY = Duration.ofSeconds(2);
    private static final Duration ACKNOWLEDGED_AGAIN_BOUND = Duration.ofSeconds(5);
    private static final Duration CAUGHT_UP_BOUND = Duration.ofSeconds(90);

    /** Kept when a test fails, for the nodes' logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    /**
     * Two nodes under an 8-client command load; the primary's processes are killed with SIGKILL and,
     * 2 s later, the standby is promoted, as an operator would. Nothing acknowledged is lost, no
     * answer is a 5xx other than 503, commands are acknowledged again within 5 s of the promotion,
     * and both nodes' read sides catch up, consistent and intact. {@code -Dfailover.runs=N} repeats it.
     */
    @Test
    void aFailoverToASynchronousStandbyLosesNothingAcknowledged() throws Exception {
        Assumptions.assumeTrue(ReplicatedPostgres.available(), "PostgreSQL's binaries (pg_basebackup) are missing");
        Path jar = Path.of(System.getProperty("service.jar"));
        for (int run = 1; run <= RUNS; run++) {
            Path servers = Files.createTempDirectory("ledger-failover");
            try (ReplicatedPostgres database = ReplicatedPostgres.start(servers, true)) {
                failOver(jar, database, directory.resolve("run-" + run), run);
            }
        }
    }

    private static void failOver(Path jar, ReplicatedPostgres database, Path run, int number) throws Exception {
        Files.createDirectories(run);
        Path key = run.resolve("signing-key.pem");
        ServiceProcess first = ServiceProcess.startNode(jar, database.multiHostUrl(), key, run.resolve("a.log"), "node-a")
                .awaitReady(START_TIMEOUT);
        ServiceProcess second = ServiceProcess.startNode(jar, database.multiHostUrl(), key, run.resolve("b.log"),
                "node-b").awaitReady(START_TIMEOUT);
        try {
            AcknowledgingLoad load = new AcknowledgingLoad(List.of(first, second), 8);
            load.awaitUnderWay(START_TIMEOUT);
            Thread.sleep(2000);
            database.killPrimary();
            long killedAt = System.nanoTime();
            Thread.sleep(PROMOTION_DELAY.toMillis());
            database.promoteStandby();
            long promotedAt = System.nanoTime();
            long deadline = promotedAt + Duration.ofSeconds(60).toNanos();
            while (load.firstAcknowledgedAfter(promotedAt).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(2000);
            load.close();

            Duration acknowledgedAgain = Duration.ofNanos(load.firstAcknowledgedAfter(promotedAt).orElse(deadline)
                    - promotedAt);
            Map<Integer, Long> statuses = load.statuses();
            long unavailable = statuses.getOrDefault(503, 0L);
            System.out.println("ReplicatedDatabaseIT failover run " + number + ": " + load.acknowledged().size()
                    + " commands acknowledged, primary killed, standby promoted "
                    + Duration.ofNanos(promotedAt - killedAt).toMillis() + " ms later; first acknowledgement "
                    + acknowledgedAgain.toMillis() + " ms after the promotion; answers by status " + statuses
                    + " (" + unavailable + " x 503)");
            assertThat(statuses.keySet()).as("no 5xx but 503: " + statuses)
                    .allMatch(status -> status < 500 || status == 503);
            assertThat(acknowledgedAgain).as("commands acknowledged again after the promotion")
                    .isLessThanOrEqualTo(ACKNOWLEDGED_AGAIN_BOUND);

            LedgerAfterCrash.awaitCaughtUp(first, CAUGHT_UP_BOUND);
            LedgerAfterCrash.awaitCaughtUp(second, CAUGHT_UP_BOUND);
            LedgerAfterCrash.assertNothingLost(first, load.acknowledged());
        } finally {
            first.stop();
            second.stop();
        }
    }

    /**
     * One node; the synchronous standby is stopped, so that the primary holds every commit. Commands
     * are answered 503 within the commit bound (3 s here) and readiness says the database is not
     * committing; once the standby is back, readiness comes back by itself and commands are
     * acknowledged again.
     */
    @Test
    void commitsHeldForAStoppedStandbyAre503sUntilItReturns() throws Exception {
        Assumptions.assumeTrue(ReplicatedPostgres.available(), "PostgreSQL's binaries (pg_basebackup) are missing");
        Path jar = Path.of(System.getProperty("service.jar"));
        try (ReplicatedPostgres database = ReplicatedPostgres.start(Files.createTempDirectory("ledger-stall"), true)) {
            ServiceProcess node = ServiceProcess.startNode(jar, database.multiHostUrl(),
                    directory.resolve("signing-key.pem"), directory.resolve("node.log"), "node-a",
                    "--ledger.database.commit-timeout=3s", "--ledger.health.max-commit-wait=1s")
                    .awaitReady(START_TIMEOUT);
            try {
                assertThat(node.post("registrar", "/api/agreements", AcknowledgingLoad.proposal()).statusCode())
                        .isEqualTo(201);
                database.stopStandby();
                long started = System.nanoTime();
                HttpResponse<String> held = node.post("registrar", "/api/agreements", AcknowledgingLoad.proposal());
                Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
                assertThat(held.statusCode()).as(held.body()).isEqualTo(503);
                assertThat(held.headers().firstValue("Retry-After")).contains("5");
                assertThat(answeredIn).as("answered within the commit bound and a connection wait")
                        .isLessThan(Duration.ofSeconds(15));
                JsonNode readiness = JSON.readTree(node.get("admin", "/actuator/health/readiness").body());
                assertThat(readiness.at("/components/databaseCommits/details/reason").asText())
                        .as(readiness.toString()).startsWith("database not committing");

                database.restartStandby();
                long restarted = System.nanoTime();
                LedgerAfterCrash.awaitCaughtUp(node, CAUGHT_UP_BOUND);
                Duration readyAgain = Duration.ofNanos(System.nanoTime() - restarted);
                assertThat(node.post("registrar", "/api/agreements", AcknowledgingLoad.proposal()).statusCode())
                        .as("acknowledged again").isEqualTo(201);
                System.out.println("ReplicatedDatabaseIT stopped standby: a command answered 503 in "
                        + answeredIn.toMillis() + " ms; ready again " + readyAgain.toMillis()
                        + " ms after the standby restarted");
            } finally {
                node.stop();
            }
        }
    }
}
