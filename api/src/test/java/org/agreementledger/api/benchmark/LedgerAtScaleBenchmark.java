package org.agreementledger.api.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.ServiceProcess;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.CertificateCheck;
import org.agreementledger.ledger.audit.CertificateVerifier;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.checkpoint.SigningKeyFile;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger at scale, measured from outside the service's JVM: a synthetic ledger of N agreements
 * is written straight through the event storage engine into the machine's PostgreSQL, then the
 * service (its own process, on that database, with the ledger's key) starts on it and catches up;
 * figures: write rate, start-up time, integration rate of the Merkle log and whether it keeps up
 * with a live command load, the read side's figures ({@link ReadSideAtScale}: rebuild,
 * reconciliation, totals, listings, histories, export), inclusion and consistency proof latency,
 * certificate size and issue time, the offline verifier's time, storage per event, and the
 * verification rate.
 *
 * <p>Run (the PostgreSQL on 127.0.0.1:5432, user postgres; database {@code ledger_merkle_benchmark}
 * is dropped and created): {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl api
 * exec:java@scale-benchmark -Dbenchmark.agreements=1000000}. With {@code -Dbenchmark.generate=false
 * -Dbenchmark.directory=<the directory the first run printed>} it measures the ledger written before
 * again, once the read side has caught up ({@code -Dbenchmark.projection-patience}, seconds).
 */
public final class LedgerAtScaleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "ledger_scale_benchmark";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int PROOFS = Integer.getInteger("benchmark.proofs", 2000);
    private static final int CERTIFICATES = Integer.getInteger("benchmark.certificates", 200);

    private LedgerAtScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agreements = Integer.getInteger("benchmark.agreements", 100_000);
        int threads = Integer.getInteger("benchmark.threads", Runtime.getRuntime().availableProcessors());
        boolean generate = Boolean.parseBoolean(System.getProperty("benchmark.generate", "true"));
        Path directory = generate ? Files.createTempDirectory("scale-benchmark")
                : Path.of(System.getProperty("benchmark.directory"));
        Path key = directory.resolve("signing-key.pem");
        String url = SERVER + DATABASE + "?user=postgres&reWriteBatchedInserts=true";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long events;
        if (generate) {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(SERVER + "postgres?user=postgres"));
            admin.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            admin.execute("CREATE DATABASE " + DATABASE);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load()
                    .migrate();
            System.out.printf("Ledger at scale: %d agreements, %d writer threads, %d cores, PostgreSQL %s"
                            + " (fsync=%s); key and logs in %s%n", agreements, threads,
                    Runtime.getRuntime().availableProcessors(), jdbc.queryForObject("SHOW server_version", String.class),
                    jdbc.queryForObject("SHOW fsync", String.class), directory);
            KeyPair logKey = SigningKeyFile.loadOrCreate(key);
            long start = System.nanoTime();
            events = new SyntheticLedger(dataSource, logKey).write(agreements, threads, 20240822L);
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("generated: %d events in %.1fs = %.0f events/s (hash chains and attestations, %d threads)%n",
                    events, writeSeconds, events / writeSeconds, threads);
        } else {
            events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            System.out.printf("Ledger at scale, at rest, on the ledger written before (%d events), key in %s%n",
                    events, directory);
        }

        long launched = System.nanoTime();
        ServiceProcess service = ServiceProcess.startNode(Path.of(System.getProperty("service.jar")), url, key,
                directory.resolve("service.log"), "benchmark").awaitReady(Duration.ofMinutes(5));
        System.out.printf("start-up: the service answered %.1fs after its launch, on %d events%n",
                (System.nanoTime() - launched) / 1e9, events);
        try {
            if (generate) {
                integrationOfTheBacklog(service, events);
                keepingUpWithALiveLoad(service, jdbc);
            }
            projectionsCaughtUp(service, jdbc);
            ReadSideAtScale.measure(service, jdbc);
            long size = checkpointSize(service);
            proofs(service, jdbc, size);
            certificates(service, jdbc, size);
            storage(jdbc, size);
            long verifyStart = System.nanoTime();
            JsonNode verified = JSON.readTree(require(service.get("auditor", "/api/ledger/verify", Duration.ofHours(1)))
                    .body());
            double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
            System.out.printf("verify: intact=%s, %d events and %d leaves in %.1fs = %.0f events/s%n",
                    verified.get("intact").asBoolean(), verified.get("eventsChecked").asLong(),
                    verified.get("leavesChecked").asLong(), verifySeconds,
                    verified.get("eventsChecked").asLong() / verifySeconds);
        } finally {
            service.stop();
        }
    }

    /** The backlog the service found at start, integrated while its projections catch up too. */
    private static void integrationOfTheBacklog(ServiceProcess service, long events) throws Exception {
        long firstSize = -1;
        long firstAt = 0;
        long size;
        do {
            Thread.sleep(250);
            size = checkpointSize(service);
            if (firstSize < 0 && size > 0) {
                firstSize = size;
                firstAt = System.nanoTime();
            }
        } while (size < events);
        double seconds = (System.nanoTime() - firstAt) / 1e9;
        System.out.printf("integration of the backlog: %d leaves in %.1fs = %.0f leaves/s (while the projections"
                + " catch up on the same 2 cores)%n", size - firstSize, seconds, (size - firstSize) / seconds);
    }

    /** Eight clients propose and sign over HTTP for 20 s; the backlog of events not yet leaves is sampled. */
    private static void keepingUpWithALiveLoad(ServiceProcess service, JdbcTemplate jdbc) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong commands = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        String proposal = JSON.writeValueAsString(Agreements.proposal("1000.00"));
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    HttpResponse<String> proposed = service.post("registrar", "/api/agreements", proposal);
                    String id = JSON.readTree(proposed.body()).get("agreementId").asText();
                    service.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                            JSON.writeValueAsString(Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")));
                    service.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                            JSON.writeValueAsString(Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22")));
                    commands.addAndGet(3);
                }
                return null;
            });
        }
        List<Long> backlog = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
            Thread.sleep(1000);
            backlog.add(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index >"
                    + " (SELECT coalesce(max(global_index), 0) FROM merkle_leaf)", Long.class));
        }
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("live load: %.0f commands/s over HTTP (8 clients, %.0fs); events not yet in the log,"
                        + " sampled each second: %s (max %d)%n", commands.get() / seconds, seconds, backlog,
                backlog.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /**
     * Waits, for {@code benchmark.projection-patience} seconds at most, for the read side to pass the
     * last event (after the live load, if there was one), so that what follows is measured at rest;
     * says so when it is measured under load.
     */
    private static void projectionsCaughtUp(ServiceProcess service, JdbcTemplate jdbc) throws Exception {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long patience = TimeUnit.SECONDS.toNanos(Long.getLong("benchmark.projection-patience", 600));
        long start = System.nanoTime();
        long behind;
        do {
            behind = 0;
            for (JsonNode processor : service.getJson("admin", "/api/admin/projections").get("processors")) {
                for (JsonNode segment : processor.get("segments")) {
                    behind = Math.max(behind, head - segment.path("position").asLong(0));
                }
            }
            if (behind > 0) {
                Thread.sleep(500);
            }
        } while (behind > 0 && System.nanoTime() - start < patience);
        System.out.printf(behind > 0
                        ? "projections still %2$d positions behind the last event %.1fs later: what follows"
                        + " is measured while they catch up%n"
                        : "projections passed the last event %.1fs later%n",
                (System.nanoTime() - start) / 1e9, behind);
    }

    private static void proofs(ServiceProcess service, JdbcTemplate jdbc, long size) throws Exception {
        Random random = new Random(6962);
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < PROOFS + 200; i++) {
            positions.add(jdbc.queryForObject("SELECT global_index FROM merkle_leaf WHERE leaf_index = ?", Long.class,
                    (long) random.nextInt((int) Math.min(size, Integer.MAX_VALUE))));
        }
        LatencyRecorder inclusion = new LatencyRecorder();
        LatencyRecorder consistency = new LatencyRecorder();
        LatencyRecorder floor = new LatencyRecorder();
        for (int i = 0; i < positions.size(); i++) {
            boolean warm = i >= 200;
            long begin = System.nanoTime();
            require(service.get("auditor", "/api/ledger/public-key"));
            if (warm) {
                floor.record(begin);
            }
            begin = System.nanoTime();
            require(service.get("auditor", "/api/ledger/proofs/inclusion?position=" + positions.get(i)));
            if (warm) {
                inclusion.record(begin);
            }
            begin = System.nanoTime();
            require(service.get("auditor", "/api/ledger/proofs/consistency?from=" + (1 + random.nextInt((int) size))));
            if (warm) {
                consistency.record(begin);
            }
        }
        System.out.printf("the floor: GET /api/ledger/public-key (no database) over HTTP: %s%n", floor.summary());
        System.out.printf("inclusion proofs over HTTP, tree of %d: %s%n", size, inclusion.summary());
        System.out.printf("consistency proofs over HTTP: %s%n", consistency.summary());
    }

    private static void certificates(ServiceProcess service, JdbcTemplate jdbc, long size) throws Exception {
        NoteVerifier key = NoteVerifier.of(service.getJson("auditor", "/api/ledger/public-key").get("verifierKey").asText());
        Random random = new Random(9162);
        LatencyRecorder issued = new LatencyRecorder();
        List<Long> sizes = new ArrayList<>();
        List<AgreementCertificate> certificates = new ArrayList<>();
        for (int i = 0; i < CERTIFICATES; i++) {
            String agreement = jdbc.queryForObject("SELECT e.aggregate_identifier FROM merkle_leaf l JOIN"
                    + " domain_event_entry e ON e.global_index = l.global_index WHERE l.leaf_index = ?", String.class,
                    (long) random.nextInt((int) Math.min(size, Integer.MAX_VALUE)));
            long begin = System.nanoTime();
            HttpResponse<String> answer = require(service.get("auditor", "/api/agreements/" + agreement + "/certificate"));
            issued.record(begin);
            sizes.add((long) answer.body().getBytes(StandardCharsets.UTF_8).length);
            certificates.add(CanonicalJson.read(answer.body().getBytes(StandardCharsets.UTF_8), AgreementCertificate.class));
        }
        LatencyRecorder verified = new LatencyRecorder();
        for (int round = 0; round < 3; round++) {
            for (AgreementCertificate certificate : certificates) {
                long begin = System.nanoTime();
                CertificateCheck check = CertificateVerifier.verify(certificate, key, null);
                if (round == 2) {
                    verified.record(begin);
                }
                if (!check.valid()) {
                    throw new IllegalStateException(check.summary());
                }
            }
        }
        System.out.printf("certificates: %d bytes on average, %d at most; issued over HTTP: %s%n",
                (long) sizes.stream().mapToLong(Long::longValue).average().orElse(0),
                sizes.stream().mapToLong(Long::longValue).max().orElse(0), issued.summary());
        System.out.printf("offline verification of a certificate (warm, in process): %s%n", verified.summary());
    }

    private static void storage(JdbcTemplate jdbc, long size) {
        long tree = jdbc.queryForObject("SELECT pg_total_relation_size('merkle_leaf') + pg_total_relation_size('merkle_node')",
                Long.class);
        long checkpoints = jdbc.queryForObject("SELECT pg_total_relation_size('ledger_checkpoint')", Long.class);
        long events = jdbc.queryForObject("SELECT pg_total_relation_size('domain_event_entry')", Long.class);
        System.out.printf("storage: tree %.1f MiB = %d bytes/leaf; checkpoints %.1f MiB; events %.1f MiB = %d bytes/event%n",
                tree / 1048576.0, tree / size, checkpoints / 1048576.0, events / 1048576.0, events / size);
    }

    private static long checkpointSize(ServiceProcess service) throws Exception {
        HttpResponse<String> answer = service.get("auditor", "/api/ledger/checkpoint");
        return answer.statusCode() == 200 ? Long.parseLong(answer.body().split("\n")[1]) : 0;
    }

    private static HttpResponse<String> require(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }
}
