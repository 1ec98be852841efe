package org.agreementledger.api.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.projections.agreement.AgreementProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health as an operator and an orchestrator read it: UP or DOWN for everyone, the reasons for ADMIN;
 * readiness follows the database, the event processors and the read side's lag. A database of its
 * own, with no lag allowed, since the test stops the processor.
 */
@TestPropertySource(properties = {"ledger.test.database=health", "ledger.health.max-projection-lag=0"})
class HealthTest extends HttpContractTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyoneSeesTheStatusAndOnlyAnAdminSeesItsComponents() {
        eventually(() -> assertThat(client.get(null, "/actuator/health/readiness").status()).isEqualTo(200));

        Answer anonymous = client.get(null, "/actuator/health");
        Answer admin = client.get("admin", "/actuator/health");
        Answer auditor = client.get("auditor", "/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(auditor.body().has("components")).isFalse();
        assertThat(admin.body().get("components").fieldNames()).toIterable()
                .contains("db", "eventProcessors", "projectionLag", "ledgerVerification", "livenessState",
                        "readinessState");
        assertThat(admin.body().at("/components/eventProcessors/details/" + AgreementProjection.PROCESSING_GROUP)
                .asText()).isEqualTo("running");
        assertThat(client.get(null, "/actuator/health/liveness").body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theLastVerificationIsReportedWithWhenItRan() {
        assertThat(client.get("auditor", "/api/ledger/verify").status()).isEqualTo(200);

        JsonNode verification = client.get("admin", "/actuator/health").body().at("/components/ledgerVerification");

        assertThat(verification.get("status").asText()).isEqualTo("UP");
        assertThat(verification.at("/details/intact").asBoolean()).isTrue();
        assertThat(verification.at("/details/finishedAt").asText()).isNotBlank();
    }

    @Test
    void readinessIsDownWhileTheProjectionIsStoppedAndBehindAndUpAgainOnceItCaughtUp() {
        EventProcessor projection = processing.eventProcessor(AgreementProjection.PROCESSING_GROUP).orElseThrow();
        projection.shutDown();
        try {
            propose("1.00");

            Answer readiness = client.get("admin", "/actuator/health/readiness");

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/eventProcessors/details/"
                    + AgreementProjection.PROCESSING_GROUP).asText()).isEqualTo("stopped");
            assertThat(readiness.body().at("/components/projectionLag/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/projectionLag/details/events").asLong()).isPositive();
            assertThat(client.get(null, "/actuator/health/liveness").status()).as("alive all the same").isEqualTo(200);
        } finally {
            projection.start();
        }
        eventually(() -> assertThat(client.get(null, "/actuator/health/readiness").status()).isEqualTo(200));
    }
}
