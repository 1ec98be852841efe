package org.agreementledger.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL share the read side's segments evenly; one of them is killed with
 * SIGKILL under load, and the other takes its segments over and finishes the read side, within the
 * token claim timeout (10 s) and a claim cycle.
 */
class NodeFailoverIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(40);

    @TempDir
    Path directory;

    @Test
    void whenANodeIsKilledTheOtherTakesItsSegmentsOverAndFinishesTheReadSide() throws Exception {
        Path jar = Path.of(System.getProperty("service.jar"));
        ServiceProcess first = ServiceProcess.start(jar, directory.resolve("postgres"), directory.resolve("a.log"),
                false, "--ledger.node-id=node-a").awaitReady(START_TIMEOUT);
        String database = first.embeddedJdbcUrl();
        ServiceProcess second = ServiceProcess.startNode(jar, database, directory.resolve("signing-key.pem"),
                directory.resolve("b.log"), "node-b")
                .awaitReady(START_TIMEOUT);
        awaitOwners(database, List.of("node-a", "node-a", "node-b", "node-b"), START_TIMEOUT);

        AcknowledgingLoad load = new AcknowledgingLoad(first, 6);
        load.awaitUnderWay(START_TIMEOUT);
        Thread.sleep(1000);
        second.killService();
        long killedAt = System.nanoTime();
        Thread.sleep(1000);
        load.close();
        assertThat(load.acknowledged()).isNotEmpty();

        awaitOwners(database, List.of("node-a", "node-a", "node-a", "node-a"), TAKEOVER_BOUND);
        JsonNode reconciliation = LedgerAfterCrash.awaitCaughtUp(first, TAKEOVER_BOUND);
        System.out.println("NodeFailoverIT: node-b killed; node-a held all segments and had processed every event "
                + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms later; "
                + reconciliation.get("eventsInStore").asLong() + " events");
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
        first.stop();
    }

    private static void awaitOwners(String database, List<String> owners, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> current = List.of();
        while (System.nanoTime() < deadline) {
            current = owners(database);
            if (current.equals(owners)) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(current).as("segment owners after " + timeout).isEqualTo(owners);
    }

    private static List<String> owners(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database);
             ResultSet rows = connection.createStatement().executeQuery("SELECT coalesce(owner, '') FROM token_entry"
                     + " WHERE processor_name = 'agreement-projection' ORDER BY owner")) {
            List<String> owners = new ArrayList<>();
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
            return owners;
        }
    }
}
