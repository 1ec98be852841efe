package org.agreementledger.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The embedded default's own PostgreSQL server, run so that an acknowledged command is never lost:
 * <ul>
 *     <li>durable: fsync, synchronous commit and full-page writes on (the embedded library's defaults
 *     are a test database's, with fsync and synchronous commit off);</li>
 *     <li>one service per data directory, held by a lock beside it; a server left running by a
 *     killed service is stopped before the directory is used again;</li>
 *     <li>watched: should the server die under the running service, the service exits with status
 *     {@value #EXIT_STATUS_DATABASE_LOST} at once, for a supervisor to restart it; the next start
 *     recovers the database from its write-ahead log.</li>
 * </ul>
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    /** EX_TEMPFAIL: a temporary failure, worth a restart. */
    static final int EXIT_STATUS_DATABASE_LOST = 75;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final EmbeddedPostgres postgres;
    private volatile boolean closing;

    private EmbeddedPostgresServer(FileChannel lockChannel, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        FileChannel lockChannel = lockBeside(dataDirectory);
        try {
            LeftoverPostmaster.stopIfRunning(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(properties.cleanOnStart())
                    // the service stops it after everything that uses it, not a JVM hook in any order
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(lockChannel, builder.start());
            server.watch(dataDirectory);
            log.info("Embedded PostgreSQL serves jdbc:postgresql://localhost:{}/postgres (user postgres), data in {}",
                    server.port(), dataDirectory);
            return server;
        } catch (IOException | RuntimeException failed) {
            lockChannel.close();
            throw failed;
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        closing = true;
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped");
        } finally {
            lockChannel.close();
        }
    }

    /** Exclusive to one service: a second one on the same directory is refused, never shares it. */
    private static FileChannel lockBeside(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another service is running on " + dataDirectory + " (it holds "
                    + lockFile + "); stop it or choose another LEDGER_DATA_DIR.");
        }
        return channel;
    }

    private void watch(Path dataDirectory) throws IOException {
        ProcessHandle postmaster = LeftoverPostmaster.runningOn(dataDirectory)
                .orElseThrow(() -> new IOException("PostgreSQL started but its pid file names no running server"));
        postmaster.onExit().thenRun(() -> {
            if (!closing) {
                log.error("Embedded PostgreSQL (pid {}) stopped under the running service. The service exits with"
                        + " status {} for a supervisor to restart it; nothing acknowledged is lost.",
                        postmaster.pid(), EXIT_STATUS_DATABASE_LOST);
                exit();
            }
        });
    }

    private static void exit() {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE.toMillis());
            } catch (InterruptedException ignored) {
                // halting now is as good
            }
            Runtime.getRuntime().halt(EXIT_STATUS_DATABASE_LOST);
        }, "embedded-postgres-lost-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(EXIT_STATUS_DATABASE_LOST), "embedded-postgres-lost-exit").start();
    }
}
