package org.agreementledger.api.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a streaming standby made from the machine's own PostgreSQL binaries
 * ({@code postgres.bin}, Debian's {@code /usr/lib/postgresql/15/bin} by default), run as the user
 * {@code postgres} when the tests run as root (PostgreSQL refuses root). Durable as the service
 * requires: fsync and synchronous commit on; with a synchronous standby, a commit returns only once
 * the standby has it.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("postgres.bin", "/usr/lib/postgresql/15/bin"));
    private static final String STANDBY_NAME = "ledger_standby";
    private static final Duration READY = Duration.ofSeconds(60);
    private static final boolean RUN_AS_POSTGRES = "root".equals(System.getProperty("user.name"));

    private final Path directory;
    private final int primaryPort;
    private final int standbyPort;

    private ReplicatedPostgres(Path directory, int primaryPort, int standbyPort) {
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** Whether the binaries are on this machine: {@code .ci/run} installs them. */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("pg_basebackup"));
    }

    /** A primary and its standby, streaming; the standby synchronous or not. */
    public static ReplicatedPostgres start(Path directory, boolean synchronous) throws Exception {
        Files.createDirectories(directory);
        if (RUN_AS_POSTGRES) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
        }
        ReplicatedPostgres servers = new ReplicatedPostgres(directory, freePort(), freePort());
        servers.startPrimary(synchronous);
        servers.startStandby();
        servers.awaitStreaming(synchronous ? "sync" : "async");
        return servers;
    }

    private void startPrimary(boolean synchronous) throws Exception {
        Path data = primary();
        runAsPostgres(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "--no-sync"), false);
        Files.writeString(data.resolve("postgresql.auto.conf"), settings(primaryPort)
                + "wal_level = replica\nmax_wal_senders = 5\n"
                + "synchronous_standby_names = '" + (synchronous ? STANDBY_NAME : "") + "'\n");
        pgCtl("start", data);
    }

    private void startStandby() throws Exception {
        Path data = standby();
        runAsPostgres(List.of(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(primaryPort), "-U", "postgres", "-D", data.toString(), "-X", "stream", "-R"),
                false);
        // later lines win: the standby's own port, its name in the primary's synchronous_standby_names,
        // and none of its own: once promoted it has no standby to wait for
        Files.writeString(data.resolve("postgresql.auto.conf"), settings(standbyPort)
                + "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=postgres application_name="
                + STANDBY_NAME + "'\nsynchronous_standby_names = ''\n", StandardOpenOption.APPEND);
        pgCtl("start", data);
    }

    private String settings(int port) {
        return "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '"
                + directory + "'\nfsync = on\nsynchronous_commit = on\nhot_standby = on\nmax_connections = 100\n";
    }

    private void awaitStreaming(String syncState) throws Exception {
        Instant deadline = Instant.now().plus(READY);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(url(primaryPort));
                 ResultSet row = connection.createStatement().executeQuery(
                         "SELECT sync_state FROM pg_stat_replication WHERE application_name = '" + STANDBY_NAME + "'")) {
                if (row.next() && row.getString(1).equals(syncState)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the standby did not stream (" + syncState + ") within " + READY);
    }

    /** Both servers, the primary first: a client asking for the primary finds whichever is one. */
    public String multiHostUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort
                + "/postgres?user=postgres&targetServerType=primary";
    }

    /** The primary alone, and the standby alone (read-only until promoted). */
    public String primaryUrl() {
        return url(primaryPort);
    }

    public String standbyUrl() {
        return url(standbyPort);
    }

    /** Kills the primary's postmaster and every process of it with SIGKILL: a machine lost. */
    public void killPrimary() throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(primary().resolve("postmaster.pid")).get(0).strip());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        List<ProcessHandle> doomed = new ArrayList<>(handle.descendants().toList());
        doomed.add(handle);
        doomed.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : doomed) {
            process.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** Stops the standby (fast shutdown): with a synchronous standby, commits then wait for it. */
    public void stopStandby() throws Exception {
        pgCtl("stop", standby());
    }

    /** Starts the stopped standby again; it catches up and confirms the commits that waited. */
    public void restartStandby() throws Exception {
        pgCtl("start", standby());
    }

    /** Makes the standby the primary, as an operator does once the primary is lost. */
    public void promoteStandby() throws Exception {
        pgCtl("promote", standby());
    }

    /** Stops both servers at once and removes their files. */
    @Override
    public void close() throws Exception {
        for (Path data : List.of(standby(), primary())) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                runAsPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                        "stop"), true);
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Path primary() {
        return directory.resolve("primary");
    }

    private Path standby() {
        return directory.resolve("standby");
    }

    private void pgCtl(String action, Path data) throws Exception {
        runAsPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", data.resolveSibling(data.getFileName() + ".log").toString(), action), false);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Runs a PostgreSQL command as the user postgres when this is root, else as this user. */
    private static void runAsPostgres(List<String> command, boolean mayFail) throws Exception {
        List<String> full = new ArrayList<>();
        if (RUN_AS_POSTGRES) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, mayFail);
    }

    private static void run(List<String> full, boolean mayFail) throws Exception {
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 && !mayFail) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
