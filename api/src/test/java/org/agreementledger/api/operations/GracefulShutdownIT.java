package org.agreementledger.api.operations;

import org.agreementledger.api.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default stopped as an operator stops it (SIGTERM), right after it loaded the demo data
 * on its first start: it exits within seconds, in order (requests, event processors, the
 * connection pool, then its PostgreSQL), leaves no PostgreSQL behind, and logs no warning, error or
 * stack trace on the way.
 */
class GracefulShutdownIT {

    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    @Test
    void sigtermStopsProcessorsThenThePoolThenPostgresQuietlyWithinSeconds() throws Exception {
        Path jar = Path.of(System.getProperty("service.jar"));
        Path log = directory.resolve("service.log");
        ServiceProcess service = ServiceProcess.start(jar, directory.resolve("postgres"), log, true)
                .awaitReady(Duration.ofMinutes(2));
        assertThat(service.postmaster()).as("its PostgreSQL runs").isPresent();
        awaitTheDemoDataLoaded(service);
        int linesBeforeStop = service.log().split("\n").length;

        long started = System.nanoTime();
        service.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<String> lines = List.of(service.log().split("\n"));
        List<String> shutdown = lines.subList(linesBeforeStop, lines.size());
        System.out.println("GracefulShutdownIT: stopped in " + took.toMillis() + " ms");
        assertThat(took).as("stopped within %s", SHUTDOWN_BOUND).isLessThan(SHUTDOWN_BOUND);
        assertThat(service.exitStatusWithin(Duration.ZERO)).as("exited").isPresent();
        assertThat(service.postmaster()).as("its PostgreSQL shut down, its pid file removed").isEmpty();
        assertThat(shutdown).as("the log of the shutdown").noneMatch(line -> line.contains(" WARN ")
                || line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("Exception"));
        assertThat(indexOf(shutdown, "Stopping PooledStreamingEventProcessor [agreement-projection]"))
                .as("processors stop before the pool").isLessThan(indexOf(shutdown, "Shutdown completed."));
        assertThat(indexOf(shutdown, "Shutdown completed."))
                .as("the pool stops before PostgreSQL").isLessThan(indexOf(shutdown, "Embedded PostgreSQL stopped"));
    }

    /** The service answers before the demo data is in; a stop during the load is another test's (CrashRecoveryIT). */
    private static void awaitTheDemoDataLoaded(ServiceProcess service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!service.log().contains("the demo data set:")) {
            assertThat(System.nanoTime()).as("the demo data loaded within two minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + text + "' in the log of the shutdown:\n" + String.join("\n", lines));
    }
}
