package org.agreementledger.api.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.support.ServiceProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The read side of a ledger at scale, over HTTP from outside the service's JVM: a rebuild of the
 * read models (build aside, check, switch), a reconciliation, totals for every grouping, filtered
 * listings, agreement histories, the export, and the heap afterwards. Each latency is measured after
 * a warm-up of the same requests.
 */
final class ReadSideAtScale {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 300);
    private static final int WARM_UP = 50;
    private static final List<String> GROUPINGS = List.of("", "city", "country", "sector", "kind", "year", "occasion",
            "city,sector,year", "country,kind,year");
    private static final String[] STAGES = {"pending", "signed", "certified"};

    private ReadSideAtScale() {
    }

    static void measure(ServiceProcess service, JdbcTemplate jdbc) throws Exception {
        rebuild(service);
        reconciliation(service);
        totals(service, jdbc);
        listings(service, jdbc);
        histories(service, jdbc);
        export(service);
        System.out.printf("heap used after the read side's figures: %.0f MiB%n", heapUsedBytes(service) / 1048576.0);
    }

    private static void rebuild(ServiceProcess service) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = service.post("admin", "/api/admin/projections/rebuild", "{}");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + ": " + started.body());
        }
        long peakHeap = 0;
        JsonNode state;
        do {
            Thread.sleep(500);
            peakHeap = Math.max(peakHeap, heapUsedBytes(service));
            state = service.getJson("admin", "/api/admin/projections").get("rebuild");
        } while (!List.of("DONE", "FAILED").contains(state.get("phase").asText()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = state.get("events").asLong();
        System.out.printf("rebuild: %s, %d events built aside at %d events/s; with the reconciliation of the copy"
                        + " and the switch %.1fs = %.0f events/s; heap at most %.0f MiB while it ran%s%n",
                state.get("phase").asText(), events, state.get("eventsPerSecond").asLong(), seconds, events / seconds,
                peakHeap / 1048576.0, state.get("message").isNull() ? "" : " (" + state.get("message").asText() + ")");
    }

    private static void reconciliation(ServiceProcess service) throws Exception {
        long start = System.nanoTime();
        JsonNode report = JSON.readTree(require(service.get("admin", "/api/admin/reconciliation",
                Duration.ofHours(1))).body());
        System.out.printf("reconciliation: consistent=%s, %d events, %d agreements in %.1fs%n",
                report.get("consistent").asBoolean(), report.get("eventsCovered").asLong(),
                report.get("agreementsCompared").asLong(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Each grouping twice: at rest, where the service gives again the answers it keeps while the
     * totals' version has not moved; and summed afresh, the version raised before each request as
     * every change to the totals raises it.
     */
    private static void totals(ServiceProcess service, JdbcTemplate jdbc) throws Exception {
        Random random = new Random(2024);
        // one connection for all the raising: a connection each would fork a PostgreSQL backend each time
        SingleConnectionDataSource connection = new SingleConnectionDataSource(
                jdbc.getDataSource().getConnection(), true);
        JdbcTemplate raiser = new JdbcTemplate(connection);
        try {
            totalsByGrouping(service, raiser, random);
        } finally {
            connection.destroy();
        }
    }

    private static void totalsByGrouping(ServiceProcess service, JdbcTemplate raiser, Random random) throws Exception {
        for (String grouping : GROUPINGS) {
            String by = grouping.isEmpty() ? "" : "&by=" + grouping;
            String name = grouping.isEmpty() ? "(none)" : grouping;
            System.out.printf("totals by %-18s %s%n", name + ", kept:", latencies(service, "analyst",
                    i -> "/api/totals?stage=" + STAGES[random.nextInt(3)] + by));
            System.out.printf("totals by %-18s %s%n", name + ", afresh:", latencies(service, "analyst",
                    i -> {
                        raiser.update("UPDATE totals_version SET version = version + 1");
                        return "/api/totals?stage=" + STAGES[random.nextInt(3)] + by;
                    }));
        }
    }

    private static void listings(ServiceProcess service, JdbcTemplate jdbc) throws Exception {
        Random random = new Random(822);
        List<String> sectors = jdbc.queryForList("SELECT DISTINCT sector FROM agreement_view", String.class);
        List<String> cities = jdbc.queryForList("SELECT DISTINCT city || '|' || country FROM agreement_party_view",
                String.class);
        String[] statuses = {"PROPOSED", "SIGNED", "CERTIFIED", "DECLINED", "WITHDRAWN", "REVOKED"};
        System.out.printf("list, first page, no filter: %s%n",
                latencies(service, "registrar", i -> "/api/agreements"));
        System.out.printf("list, page 50 of one status: %s%n", latencies(service, "registrar",
                i -> "/api/agreements?page=50&status=" + statuses[random.nextInt(statuses.length)]));
        System.out.printf("list filtered by city, sector and year: %s%n", latencies(service, "registrar", i -> {
            String[] place = cities.get(random.nextInt(cities.size())).split("\\|");
            return "/api/agreements?city=" + encode(place[0]) + "&country=" + place[1] + "&sector="
                    + sectors.get(random.nextInt(sectors.size())) + "&year=" + (2015 + random.nextInt(12));
        }));
        System.out.printf("list filtered by status and year: %s%n", latencies(service, "registrar",
                i -> "/api/agreements?status=" + statuses[random.nextInt(statuses.length)] + "&year="
                        + (2015 + random.nextInt(12))));
    }

    private static void histories(ServiceProcess service, JdbcTemplate jdbc) throws Exception {
        List<String> agreements = jdbc.queryForList("SELECT agreement_id::text FROM agreement_view TABLESAMPLE"
                + " SYSTEM (1) LIMIT " + (REQUESTS + WARM_UP), String.class);
        System.out.printf("history of an agreement: %s%n", latencies(service, "auditor",
                i -> "/api/agreements/" + agreements.get(i % agreements.size()) + "/history"));
    }

    private static void export(ServiceProcess service) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> answer = service.stream("auditor", "/api/ledger/export");
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = answer.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("export: %d events, %.0f MiB in %.1fs = %.0f events/s%n", lines, bytes / 1048576.0,
                seconds, lines / seconds);
    }

    private static String latencies(ServiceProcess service, String user, IntFunction<String> path) throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            String next = path.apply(i);
            long begin = System.nanoTime();
            require(service.get(user, next));
            if (i >= WARM_UP) {
                recorder.record(begin);
            }
        }
        return recorder.summary();
    }

    private static long heapUsedBytes(ServiceProcess service) throws Exception {
        double used = 0;
        for (String line : require(service.get("admin", "/actuator/prometheus")).body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> require(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }
}
