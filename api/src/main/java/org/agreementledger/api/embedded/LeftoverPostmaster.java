package org.agreementledger.api.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on the data directory after the process that started it was
 * killed: nothing else holds the directory (the caller holds its lock), so it is an orphan. It is
 * stopped before the directory is used again, never silently served from.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private LeftoverPostmaster() {
    }

    /** The postmaster's process id as its pid file in the data directory names it, when it is running. */
    static Optional<ProcessHandle> runningOn(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        boolean sameDirectory = Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                .equals(dataDirectory.toAbsolutePath().normalize());
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> sameDirectory && process.info().command().map(command -> command.contains("postgres"))
                        .orElse(false));
    }

    /**
     * Stops an orphaned postmaster: SIGTERM, PostgreSQL's smart shutdown, which ends at once since the
     * clients died with the killed process; SIGKILL if it does not end in time.
     */
    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = runningOn(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("PostgreSQL (pid {}) is still running on {} although no service holds the directory: the service"
                + " that started it was killed. Stopping it before starting afresh.", postmaster.pid(), dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("PostgreSQL (pid {}) did not stop within {}: killing it; it recovers from its log on start",
                    postmaster.pid(), SHUTDOWN_WAIT);
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
        } catch (Exception interruptedOrFailed) {
            throw new IOException("could not stop the leftover PostgreSQL (pid " + postmaster.pid() + ")",
                    interruptedOrFailed);
        }
    }
}
