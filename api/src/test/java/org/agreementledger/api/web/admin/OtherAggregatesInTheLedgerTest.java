package org.agreementledger.api.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.HttpContractTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event table will hold other aggregates than agreements (a party's signer keys,
 * docs/signer-keys.md): their events are chained, logged and verified like any other, and the
 * read side's reconciliation and rebuild, which recompute agreements, pass them by. A database of
 * its own, so that no other test sees the key's events.
 */
@TestPropertySource(properties = "ledger.test.database=other-aggregates")
class OtherAggregatesInTheLedgerTest extends HttpContractTest {

    /** A payload of another aggregate, as a signer key's registration will be. */
    public record KeyRegisteredInTest(String keyId, String partyId) {
    }

    @Autowired
    EventStore eventStore;

    @Test
    void anotherAggregatesEventsAreVerifiedAndPassedByTheReconciliationAndTheRebuild() {
        fullySigned("1000.00");
        String keyId = "ed25519:other-aggregate-test";
        eventStore.publish(new GenericDomainEventMessage<>("SignerKey", keyId, 0,
                new KeyRegisteredInTest(keyId, "CN-URUMQI-XJU")));
        propose("2000.00");

        assertThat(jdbc.queryForObject("SELECT type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, keyId)).isEqualTo("SignerKey");
        reconcilesWithNothingLeftToProcess(client);
        JsonNode verification = client.get("auditor", "/api/ledger/verify").body();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();

        assertThat(client.post("admin", "/api/admin/projections/rebuild", Map.of()).status()).isEqualTo(202);
        eventually(() -> assertThat(client.get("admin", "/api/admin/projections").body().at("/rebuild/phase")
                .asText()).isEqualTo("DONE"));
        reconcilesWithNothingLeftToProcess(client);
    }
}
