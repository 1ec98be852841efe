package org.agreementledger.api.crash;

import org.agreementledger.api.crash.AcknowledgingLoad.Acknowledged;
import org.agreementledger.api.support.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crashes of the embedded default, done for real: the service runs as {@code java -jar} in its own
 * process under a concurrent command load and is killed with SIGKILL at a random moment (with its
 * PostgreSQL, without it, or only its PostgreSQL). After each restart every acknowledged command is
 * in the ledger, the totals reconcile and verification finds the ledger intact.
 *
 * <p>CI kills a few times; {@code -Dcrash.kills=25} kills more, {@code -Dcrash.seed=N} repeats a run
 * (README, "Durability").
 */
class CrashRecoveryIT {

    private static final int KILLS = Integer.getInteger("crash.kills", 3);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final int LOAD_THREADS = 6;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final int DEMO_AGREEMENTS = 71;

    private static Path jar;
    private final Random random = new Random(SEED);

    @TempDir
    Path directory;
    private int starts;

    @BeforeAll
    static void theServiceJar() {
        jar = Path.of(System.getProperty("service.jar"));
        assertThat(jar).as("the service jar is built before integration tests run").isRegularFile();
        System.out.println("CrashRecoveryIT: seed " + SEED + " (-Dcrash.seed), " + KILLS + " kills (-Dcrash.kills)");
    }

    @Test
    void killingTheServiceAndItsDatabaseTogetherLosesNothingAcknowledged() throws Exception {
        List<Acknowledged> acknowledged = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            ServiceProcess service = start(false);
            LedgerAfterCrash.assertNothingLost(service, acknowledged);
            acknowledged.addAll(underLoadUntilRandomMoment(service, ServiceProcess::killServiceAndDatabase));
        }
        ServiceProcess restarted = start(false);
        LedgerAfterCrash.assertNothingLost(restarted, acknowledged);
        System.out.println("CrashRecoveryIT: " + KILLS + " kills of service and database, "
                + acknowledged.size() + " acknowledged commands, none lost");
        restarted.stop();
    }

    @Test
    void aServiceKilledAloneLeavesAnOrphanedDatabaseThatTheNextStartStopsInsteadOfServing() throws Exception {
        ServiceProcess service = start(false);
        ProcessHandle postmaster = service.postmaster().orElseThrow();
        List<Acknowledged> acknowledged = underLoadUntilRandomMoment(service, ServiceProcess::killService);
        assertThat(postmaster.isAlive()).as("the killed service's PostgreSQL runs on, an orphan").isTrue();

        ServiceProcess restarted = start(false);

        assertThat(postmaster.isAlive()).as("the orphan was stopped").isFalse();
        assertThat(restarted.postmaster().orElseThrow().pid()).isNotEqualTo(postmaster.pid());
        assertThat(restarted.log()).contains("PostgreSQL (pid " + postmaster.pid() + ") is still running on");
        LedgerAfterCrash.assertNothingLost(restarted, acknowledged);
        restarted.stop();
    }

    @Test
    void whenItsDatabaseDiesTheServiceExitsAtOnceAndLosesNothingAcknowledged() throws Exception {
        ServiceProcess service = start(false);
        List<Acknowledged> acknowledged = underLoadUntilRandomMoment(service, ServiceProcess::killDatabase);

        assertThat(service.exitStatusWithin(Duration.ofSeconds(15)))
                .as("the service exits for its supervisor to restart it").contains(75);

        ServiceProcess restarted = start(false);
        LedgerAfterCrash.assertNothingLost(restarted, acknowledged);
        restarted.stop();
    }

    @Test
    void aFirstStartDemoLoadCutShortIsFinishedOnTheNextStart() throws Exception {
        ServiceProcess service = ServiceProcess.start(jar, dataDirectory(), log(), true);
        while (!service.log().contains("Started LedgerApplication") || !someAgreementIsListed(service)) {
            assertThat(service.exitStatusWithin(Duration.ofMillis(50))).isEmpty();
        }
        assertThat(service.log()).as("killed while loading").doesNotContain("the demo data set:");
        service.killServiceAndDatabase();

        ServiceProcess restarted = ServiceProcess.start(jar, dataDirectory(), log(), true).awaitReady(START_TIMEOUT);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (restarted.getJson("analyst", "/api/totals").get("total").get("count").asInt() < DEMO_AGREEMENTS
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(restarted.getJson("analyst", "/api/totals").get("total").get("count").asInt())
                .isEqualTo(DEMO_AGREEMENTS);
        assertThat(restarted.log()).contains("Finished loading the demo data set");
        LedgerAfterCrash.assertConsistentAndIntact(restarted);
        restarted.stop();
    }

    private ServiceProcess start(boolean demoData) throws Exception {
        return ServiceProcess.start(jar, dataDirectory(), log(), demoData).awaitReady(START_TIMEOUT);
    }

    private Path dataDirectory() {
        return directory.resolve("postgres");
    }

    private Path log() {
        return directory.resolve("service-" + (++starts) + ".log");
    }

    /** Runs the load for a random while, then kills as told; answers what was acknowledged before. */
    private List<Acknowledged> underLoadUntilRandomMoment(ServiceProcess service, Kill kill) throws Exception {
        AcknowledgingLoad load = new AcknowledgingLoad(service, LOAD_THREADS);
        load.awaitUnderWay(START_TIMEOUT);
        Thread.sleep(random.nextInt(2000));
        kill.apply(service);
        load.close();
        List<Acknowledged> acknowledged = load.acknowledged();
        assertThat(acknowledged).as("the load got commands acknowledged before the kill").isNotEmpty();
        return acknowledged;
    }

    private static boolean someAgreementIsListed(ServiceProcess service) {
        try {
            return service.getJson("analyst", "/api/agreements?size=1").get("totalItems").asLong() > 0;
        } catch (Exception notYet) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Kill {
        void apply(ServiceProcess service) throws Exception;
    }
}
