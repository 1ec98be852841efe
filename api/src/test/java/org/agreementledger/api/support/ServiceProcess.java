package org.agreementledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: {@code java -jar} in a process of its own, on the embedded
 * default, with its own PostgreSQL server; killed the hard way.
 */
public final class ServiceProcess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, Path dataDirectory, Path log, int port) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
    }

    public static ServiceProcess start(Path jar, Path dataDirectory, Path log, boolean demoData, String... more)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                "--ledger.embedded-postgres.port=0",
                "--ledger.demo-data.enabled=" + demoData));
        arguments.addAll(List.of(more));
        return launch(jar, dataDirectory, log, arguments);
    }

    /**
     * Another node of the service, on the database given (another node's embedded one), with the
     * ledger's key; it copies its checkpoints next to the key, in a directory of its own.
     */
    public static ServiceProcess startNode(Path jar, String jdbcUrl, Path signingKey, Path log, String nodeId,
                                           String... more) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl,
                "--ledger.demo-data.enabled=false", "--ledger.node-id=" + nodeId,
                "--ledger.log.signing-key-file=" + signingKey,
                "--ledger.log.checkpoint-directory=" + signingKey.resolveSibling(nodeId + "-checkpoints")));
        arguments.addAll(List.of(more));
        return launch(jar, null, log, arguments);
    }

    private static ServiceProcess launch(Path jar, Path dataDirectory, Path log, List<String> arguments)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ServiceProcess(process, dataDirectory, log, port);
    }

    /** The JDBC URL of this node's embedded PostgreSQL, as its pid file gives the port. */
    public String embeddedJdbcUrl() throws IOException {
        String port = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).strip();
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Waits until the service answers requests. */
    public ServiceProcess awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (answers()) {
                return this;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not start within " + timeout + ":\n" + logTail());
    }

    private boolean answers() {
        try {
            return get("analyst", "/api/totals").statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return get(user, path, REQUEST_TIMEOUT);
    }

    /** A GET that may take longer than requests usually do, such as verifying a large ledger. */
    public HttpResponse<String> get(String user, String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(request(user, path).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is read as it arrives, such as the export of a large ledger. */
    public HttpResponse<InputStream> stream(String user, String path) throws IOException, InterruptedException {
        return http.send(request(user, path).timeout(Duration.ofHours(1)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return http.send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String user, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(user, path);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpRequest.Builder request(String user, String path) {
        String credentials = user + ":" + LedgerClient.PASSWORDS.get(user);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** The running PostgreSQL server of the embedded default, as its pid file names it. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                .filter(ProcessHandle::isAlive);
    }

    /** SIGKILL to the service and its database server with all its processes, at the same instant: a power cut. */
    public void killServiceAndDatabase() throws Exception {
        List<ProcessHandle> doomed = databaseProcesses();
        doomed.add(process.toHandle());
        killAll(doomed);
    }

    /** SIGKILL to the service's JVM only: its PostgreSQL server is left running, an orphan. */
    public void killService() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGKILL to the database server and its processes only, under the running service. */
    public void killDatabase() throws Exception {
        killAll(databaseProcesses());
    }

    /** The database server and every process it started. */
    private List<ProcessHandle> databaseProcesses() throws IOException {
        ProcessHandle postmaster = postmaster().orElseThrow();
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
        processes.add(postmaster);
        return processes;
    }

    /** SIGKILL to all at once, then waits until each has exited. */
    private static void killAll(List<ProcessHandle> doomed) throws Exception {
        doomed.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : doomed) {
            handle.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** The exit status, once the service has exited within the time given; empty while it runs. */
    public Optional<Integer> exitStatusWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue())
                : Optional.empty();
    }

    /** Stops the service as an operator does (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The log's last warnings and errors, each with the stack trace lines after it: what went wrong,
     * where the tail would show only request lines.
     */
    public String logTroubles() {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> troubles = new ArrayList<>();
            boolean inTrouble = false;
            for (String line : lines) {
                boolean entry = line.matches("^\\d{4}-\\d{2}-\\d{2}T.*");
                if (entry) {
                    inTrouble = line.contains(" WARN ") || line.contains(" ERROR ");
                }
                if (inTrouble) {
                    troubles.add(line);
                }
            }
            return String.join("\n", troubles.subList(Math.max(0, troubles.size() - 80), troubles.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
