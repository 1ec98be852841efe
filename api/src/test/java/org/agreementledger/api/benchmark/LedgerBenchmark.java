package org.agreementledger.api.benchmark;

import org.agreementledger.api.LedgerApplication;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives the whole service over HTTP on a fresh embedded PostgreSQL and prints figures: command
 * throughput and latency, projection lag, totals and history read latency, memory and storage per event. It asserts nothing; run it
 * with {@code ./mvnw -q -pl api -am -DskipTests install && ./mvnw -q -pl api exec:java@benchmark}
 * and optionally {@code -Dbenchmark.agreements=N -Dbenchmark.threads=T}.
 */
public final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agreements = Integer.getInteger("benchmark.agreements", 400);
        int threads = Integer.getInteger("benchmark.threads", 8);
        Path dataDirectory = Files.createTempDirectory("ledger-benchmark");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.embedded-postgres.data-directory=" + dataDirectory,
                        "--ledger.embedded-postgres.port=0", "--ledger.demo-data.enabled=false",
                        "--logging.level.root=WARN")) {
            LedgerClient client = new LedgerClient(new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))));
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            System.out.printf("Agreement Ledger benchmark: %d agreements (propose, 2 signatures, certify), "
                    + "%d client threads, %d cores%n", agreements, threads, Runtime.getRuntime().availableProcessors());

            runLifecycles(client, Math.max(20, agreements / 10), threads, new LatencyRecorder()); // warm-up
            long eventsBefore = eventCount(jdbc);
            LatencyRecorder commandLatency = new LatencyRecorder();
            long started = System.nanoTime();
            List<String> ids = runLifecycles(client, agreements, threads, commandLatency);
            double seconds = (System.nanoTime() - started) / 1e9;
            long events = eventCount(jdbc) - eventsBefore;
            System.out.printf("commands: %d in %.1fs = %.0f commands/s, %.0f events/s; latency %s%n",
                    commandLatency.count(), seconds, commandLatency.count() / seconds, events / seconds,
                    commandLatency.summary());

            long catchUpStart = System.nanoTime();
            while (client.get("admin", "/api/admin/reconciliation").body().get("eventsNotYetProcessed").asLong() > 0) {
                Thread.sleep(20);
            }
            System.out.printf("projections caught up %.0fms after the last command%n",
                    (System.nanoTime() - catchUpStart) / 1e6);

            LatencyRecorder totalsLatency = new LatencyRecorder();
            List<String> groupings = List.of("", "city", "sector", "year", "city,sector,year", "country,kind");
            runAll(threads, java.util.stream.IntStream.range(0, 50).boxed().flatMap(round -> groupings.stream())
                    .map(by -> (Runnable) () -> {
                        long start = System.nanoTime();
                        requireStatus(client.get("analyst", "/api/totals?stage=signed&by=" + by), 200);
                        totalsLatency.record(start);
                    }).toList());
            System.out.printf("totals queries: latency %s%n", totalsLatency.summary());

            LatencyRecorder readLatency = new LatencyRecorder();
            runAll(threads, ids.stream().map(id -> (Runnable) () -> {
                long start = System.nanoTime();
                requireStatus(client.get("auditor", "/api/agreements/" + id + "/history"), 200);
                readLatency.record(start);
            }).toList());
            System.out.printf("history reads: latency %s%n", readLatency.summary());

            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long eventTableBytes = jdbc.queryForObject(
                    "SELECT pg_total_relation_size('domain_event_entry')", Long.class);
            long totalEvents = eventCount(jdbc);
            System.out.printf("memory: heap used after GC %.1f MiB of %.1f MiB committed; "
                            + "event table %.1f MiB for %d events = %d bytes/event%n",
                    heap.getUsed() / 1048576.0, heap.getCommitted() / 1048576.0, eventTableBytes / 1048576.0,
                    totalEvents, eventTableBytes / Math.max(1, totalEvents));
        }
    }

    private static List<String> runLifecycles(LedgerClient client, int count, int threads, LatencyRecorder latency)
            throws Exception {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> lifecycles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String amount = (1000 + i) + ".50";
            lifecycles.add(() -> ids.add(lifecycle(client, amount, latency)));
        }
        runAll(threads, lifecycles);
        return ids;
    }

    private static String lifecycle(LedgerClient client, String amount, LatencyRecorder latency) {
        long start = System.nanoTime();
        Answer proposed = requireStatus(client.post("registrar", "/api/agreements", Agreements.proposal(amount)), 201);
        latency.record(start);
        String path = "/api/agreements/" + proposed.body().get("agreementId").asText();
        start = System.nanoTime();
        requireStatus(client.post("signatory-xju", path + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")), 200);
        latency.record(start);
        start = System.nanoTime();
        requireStatus(client.post("signatory-kbtu", path + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22")), 200);
        latency.record(start);
        start = System.nanoTime();
        requireStatus(client.post("certifier", path + "/certification",
                Map.of("certificateNo", "B-" + amount, "certifiedOn", "2024-09-01")), 200);
        latency.record(start);
        return proposed.body().get("agreementId").asText();
    }

    private static void runAll(int threads, List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer requireStatus(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    private static long eventCount(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
