package org.agreementledger.api.web.admin;

import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.api.support.TotalsAnswer;
import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.projections.agreement.AgreementProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.agreementledger.api.support.GatewayCommands.party;
import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.everyTotal;
import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.agreementledger.api.support.ReadSide.totals;
import static org.agreementledger.ledger.domain.CooperationKind.TALENT;
import static org.agreementledger.ledger.domain.Money.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event is counted exactly once: a batch that fails leaves nothing behind and is counted once
 * when retried, and events delivered again are recognised and change nothing.
 */
class ExactlyOnceProjectionTest extends ReadSideIntegrationTest {

    private static final Party HEFEI = party("X-HEFEI", "Hefei", "CN");
    private static final Party TASHKENT = party("X-TASHKENT", "Tashkent", "UZ");

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;

    @Test
    void aBatchThatFailsWritesNothingAndIsCountedOnceWhenRetried() {
        failTotalsWritesFor(occasion);
        try {
            UUID id = commands.propose(occasion, "HEALTHCARE", TALENT, of("33.00", "CNY"), LocalDate.of(2024, 2, 1),
                    HEFEI, TASHKENT);
            commands.signByAll(id, LocalDate.of(2024, 2, 2), HEFEI, TASHKENT);
            eventually(() -> assertThat(failedTotalsWrites()).as("the batch failed, and failed again when retried")
                    .isGreaterThanOrEqualTo(2));

            assertThat(client.get("registrar", "/api/agreements/" + id).status())
                    .as("the agreement row was rolled back with the failed totals").isEqualTo(404);
            assertThat(totals(client, "stage=pending&occasion=" + occasion).total()).isEqualTo(TotalsAnswer.NOTHING);

            jdbc.update("DELETE FROM test_failing_occasion WHERE occasion = ?", occasion);

            eventually(() -> assertThat(client.get("registrar", "/api/agreements/" + id).body().path("status")
                    .asText()).isEqualTo("SIGNED"));
            eventually(() -> assertThat(totals(client, "stage=signed&occasion=" + occasion).total())
                    .isEqualTo(Bucket.of(1, "CNY", "33.00")));
            assertThat(totals(client, "stage=pending&occasion=" + occasion).total()).isEqualTo(TotalsAnswer.NOTHING);
            assertThat(totals(client, "stage=signed&by=city&occasion=" + occasion).rowsKeyedBy("city"))
                    .containsOnlyKeys("Hefei", "Tashkent")
                    .allSatisfy((city, bucket) -> assertThat(bucket).isEqualTo(Bucket.of(1, "CNY", "33.00")));
            reconcilesWithNothingLeftToProcess(client);
        } finally {
            stopFailingTotalsWrites();
        }
    }

    @Test
    void eventsDeliveredAgainChangeNothing() {
        UUID id = commands.propose(occasion, "HEALTHCARE", TALENT, of("12.00", "USD"), LocalDate.of(2024, 2, 1),
                HEFEI, TASHKENT);
        commands.signByAll(id, LocalDate.of(2024, 2, 2), HEFEI, TASHKENT);
        commands.certify(id, LocalDate.of(2024, 3, 1));
        reconcilesWithNothingLeftToProcess(client);
        List<String> before = everyTotal(client);

        StreamingEventProcessor processor = processing.eventProcessor(AgreementProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            // back to the start, without a reset: every event is delivered again to unchanged tables
            transaction.executeWithoutResult(status -> {
                String name = processor.getName();
                for (int segment : tokenStore.fetchSegments(name)) {
                    tokenStore.fetchToken(name, segment);
                    tokenStore.storeToken(null, name, segment);
                    tokenStore.releaseClaim(name, segment);
                }
            });
        } finally {
            processor.start();
        }

        reconcilesWithNothingLeftToProcess(client);
        assertThat(everyTotal(client)).isEqualTo(before);
        assertThat(totals(client, "stage=certified&occasion=" + occasion).total()).isEqualTo(Bucket.of(1, "USD", "12.00"));
    }


    /**
     * Writes of totals for the occasion fail until the occasion is deleted again. Each failure is
     * counted in a sequence, which the failed transaction's rollback does not undo.
     */
    private void failTotalsWritesFor(String occasion) {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS test_failing_occasion (occasion TEXT PRIMARY KEY);
                CREATE SEQUENCE IF NOT EXISTS test_failed_totals_writes;
                CREATE OR REPLACE FUNCTION test_fail_totals_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM test_failing_occasion WHERE occasion = NEW.occasion) THEN
                        PERFORM nextval('test_failed_totals_writes');
                        RAISE EXCEPTION 'injected failure writing the totals of %', NEW.occasion;
                    END IF;
                    RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS test_fail_totals_write ON totals_bucket;
                CREATE TRIGGER test_fail_totals_write BEFORE INSERT ON totals_bucket
                    FOR EACH ROW EXECUTE FUNCTION test_fail_totals_write();
                """);
        jdbc.update("INSERT INTO test_failing_occasion (occasion) VALUES (?)", occasion);
    }

    private long failedTotalsWrites() {
        return jdbc.queryForObject(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_failed_totals_writes", Long.class);
    }

    private void stopFailingTotalsWrites() {
        jdbc.execute("DROP TRIGGER IF EXISTS test_fail_totals_write ON totals_bucket");
        jdbc.execute("DROP FUNCTION IF EXISTS test_fail_totals_write()");
        jdbc.execute("DROP TABLE IF EXISTS test_failing_occasion");
        jdbc.execute("DROP SEQUENCE IF EXISTS test_failed_totals_writes");
    }
}
