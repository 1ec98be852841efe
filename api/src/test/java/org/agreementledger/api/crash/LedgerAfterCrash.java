package org.agreementledger.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.crash.AcknowledgingLoad.Acknowledged;
import org.agreementledger.api.support.ServiceProcess;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a ledger must show after a crash or a failover: every acknowledged command, consistent totals, intact chains. */
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

    static void assertConsistentAndIntact(ServiceProcess service) throws Exception {
        JsonNode reconciliation = service.getJson("admin", "/api/admin/reconciliation");
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
        JsonNode verification = service.getJson("auditor", "/api/ledger/verify");
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }
}
