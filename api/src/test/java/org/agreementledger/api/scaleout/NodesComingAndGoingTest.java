package org.agreementledger.api.scaleout;

import com.zaxxer.hikari.HikariDataSource;
import org.agreementledger.api.LedgerApplication;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes joining and leaving one ledger under a command load: two nodes that join take a share of
 * the projection's segments each; a rebuild asked of one node is refused while the others hold
 * segments; a node stopped cleanly releases its segments at once, for the others to claim at their
 * next claim cycle; the read side ends consistent, with nothing left to process.
 */
class NodesComingAndGoingTest {

    /** A claim cycle (1 s), the balancer's release period (the claim timeout, 10 s), and room to spare. */
    private static final Duration HANDOVER_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void joiningNodesTakeAShareAndALeavingNodeHandsItsSegmentsOver() throws Exception {
        try (ConfigurableApplicationContext first = node("node-a", null)) {
            String database = first.getBean(HikariDataSource.class).getJdbcUrl();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            LedgerClient firstClient = clientOf(first);
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger refusedOrFailed = new AtomicInteger();
            Thread load = new Thread(() -> {
                while (loading.get()) {
                    if (firstClient.post("registrar", "/api/agreements", Agreements.proposal("10.00")).status() != 201) {
                        refusedOrFailed.incrementAndGet();
                    }
                }
            }, "load");
            load.start();
            try (ConfigurableApplicationContext second = node("node-b", database);
                 ConfigurableApplicationContext third = node("node-c", database)) {
                ReadSide.eventually(() -> assertThat(segmentsByOwner(jdbc).keySet())
                        .as("each node holds a share").containsExactlyInAnyOrder("node-a", "node-b", "node-c"));

                Answer rebuild = firstClient.post("admin", "/api/admin/projections/rebuild", Map.of());
                assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(409);
                assertThat(rebuild.body().get("code").asText()).isEqualTo("rebuild-refused");

                third.close();
                long stoppedAt = System.nanoTime();
                assertThat(segmentsByOwner(jdbc)).as("released at the stop, not left to time out")
                        .doesNotContainKey("node-c");
                awaitOwnedOnlyBy(jdbc, List.of("node-a", "node-b"));
                System.out.println("NodesComingAndGoingTest: node-c stopped; its segments were held by the others "
                        + Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis() + " ms later: "
                        + segmentsByOwner(jdbc));
                loading.set(false);
                load.join();
                assertThat(refusedOrFailed).as("commands refused or failed while nodes came and went").hasValue(0);
                ReadSide.reconcilesWithNothingLeftToProcess(firstClient);
                ReadSide.reconcilesWithNothingLeftToProcess(clientOf(second));
            } finally {
                loading.set(false);
                load.join();
            }
        }
    }

    private ConfigurableApplicationContext node(String nodeId, String database) {
        String where = database == null
                ? "--ledger.embedded-postgres.data-directory=" + directory.resolve("postgres")
                : "--spring.datasource.url=" + database;
        return new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0", where,
                "--ledger.embedded-postgres.port=0", "--ledger.demo-data.enabled=false", "--ledger.node-id=" + nodeId,
                "--ledger.log.checkpoint-directory=" + directory.resolve(nodeId + "-checkpoints"),
                "--ledger.log.signing-key-file=" + directory.resolve("signing-key.pem"));
    }

    private static void awaitOwnedOnlyBy(JdbcTemplate jdbc, List<String> owners) throws InterruptedException {
        long deadline = System.nanoTime() + HANDOVER_BOUND.toNanos();
        Map<String, Long> held = segmentsByOwner(jdbc);
        while (System.nanoTime() < deadline) {
            held = segmentsByOwner(jdbc);
            if (owners.containsAll(held.keySet()) && held.values().stream().mapToLong(Long::longValue).sum() == 4) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(held).as("the four segments after " + HANDOVER_BOUND).containsOnlyKeys(owners);
    }

    /** Segments by the node holding them; "" for a segment nobody holds. */
    private static Map<String, Long> segmentsByOwner(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT coalesce(owner, '') FROM token_entry WHERE processor_name = ?",
                        String.class, "agreement-projection").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static LedgerClient clientOf(ConfigurableApplicationContext node) {
        String port = node.getEnvironment().getProperty("local.server.port");
        return new LedgerClient(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
    }
}
