package org.agreementledger.api.support;

import org.agreementledger.api.support.LedgerClient.Answer;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read side follows the ledger within moments, so tests ask it until it answers what they
 * expect, within a generous time limit.
 */
public final class ReadSide {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private ReadSide() {
    }

    public static void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
    }

    /** GET /api/totals as the analyst, asserting a 200. */
    public static TotalsAnswer totals(LedgerClient client, String query) {
        Answer answer = client.get("analyst", "/api/totals?" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return new TotalsAnswer(answer.body());
    }

    /** Every total of the whole ledger, at every stage, grouped by every dimension, as JSON text. */
    public static List<String> everyTotal(LedgerClient client) {
        return Stream.of("pending", "signed", "certified")
                .map(stage -> totals(client, "stage=" + stage + "&by=city,sector,kind,year,occasion").body().toString())
                .toList();
    }

    /** Reconciliation once every event in the store has been taken in, with no difference. */
    public static void reconcilesWithNothingLeftToProcess(LedgerClient client) {
        eventually(() -> {
            Answer report = client.get("admin", "/api/admin/reconciliation");
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.body().get("eventsNotYetProcessed").asLong()).as(report.text()).isZero();
            assertThat(report.body().get("consistent").asBoolean()).as(report.text()).isTrue();
        });
    }
}
