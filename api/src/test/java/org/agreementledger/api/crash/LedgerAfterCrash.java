package org.agreementledger.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.crash.AcknowledgingLoad.Acknowledged;
import org.agreementledger.api.support.ServiceProcess;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a ledger must show after a crash or a failover: its read side caught up, every acknowledged
 * command, consistent totals, intact chains.
 */
final class LedgerAfterCrash {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerAfterCrash() {
    }

    static void assertNothingLost(ServiceProcess service, List<Acknowledged> acknowledged) throws Exception {
        Set<Acknowledged> stored = new HashSet<>();
        String export = service.get("auditor", "/api/ledger/export?after=0").body();
        for (String line : export.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = JSON.readTree(line);
            String type = event.get("type").asText();
            if (type.equals("AgreementProposed")) {
                stored.add(new Acknowledged(event.get("agreementId").asText(), null));
            } else if (type.equals("AgreementSigned")) {
                stored.add(new Acknowledged(event.get("agreementId").asText(),
                        event.get("payload").get("partyId").asText()));
            }
        }
        assertThat(stored).as("every acknowledged command's event").containsAll(acknowledged);
        assertConsistentAndIntact(service);
    }

    /** Waits until the node is ready with nothing left for its read side to process; answers its reconciliation. */
    static JsonNode awaitCaughtUp(ServiceProcess node, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode reconciliation = null;
        HttpResponse<String> readiness = null;
        while (System.nanoTime() < deadline) {
            readiness = node.get("admin", "/actuator/health/readiness");
            reconciliation = node.getJson("admin", "/api/admin/reconciliation");
            if (readiness.statusCode() == 200 && reconciliation.get("eventsNotYetProcessed").asLong() == 0) {
                return reconciliation;
            }
            Thread.sleep(250);
        }
        assertThat(readiness.statusCode()).as("readiness " + readiness.body() + "\nwarnings and errors in the log:\n"
                + node.logTroubles()).isEqualTo(200);
        assertThat(reconciliation.get("eventsNotYetProcessed").asLong()).as(reconciliation.toString()).isZero();
        return reconciliation;
    }

    static void assertConsistentAndIntact(ServiceProcess service) throws Exception {
        JsonNode reconciliation = service.getJson("admin", "/api/admin/reconciliation");
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
        JsonNode verification = service.getJson("auditor", "/api/ledger/verify");
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }
}
