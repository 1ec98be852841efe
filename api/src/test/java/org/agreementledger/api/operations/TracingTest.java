package org.agreementledger.api.operations;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ObservedHttpContractTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace links an HTTP request, the command it sends, the events that command writes and their
 * projection: the caller's W3C trace context is continued, Axon's spans are its descendants, and the
 * stored events carry the trace context in their metadata.
 */
class TracingTest extends ObservedHttpContractTest {

    @Test
    void aCallersTraceRunsThroughTheRequestTheCommandItsEventsAndTheirProjection() {
        String traceId = randomHex(16);
        HttpHeaders headers = new HttpHeaders();
        headers.set("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");

        Answer proposed = client.exchange("registrar", HttpMethod.POST, "/api/agreements",
                Agreements.proposal("3.00"), headers);

        assertThat(proposed.status()).isEqualTo(201);
        String agreementId = proposed.body().get("agreementId").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(spanNames(spans.ofTrace(traceId))).contains(
                        "http post /api/agreements",
                        "CommandBus.dispatchCommand(ProposeAgreement)",
                        "CommandBus.handleCommand(ProposeAgreement)",
                        "EventBus.publishEvent(AgreementProposed)",
                        "StreamingEventProcessor.process(AgreementProposed)"));
        SpanData request = spans.ofTrace(traceId).stream()
                .filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(request.getParentSpanContext().getTraceId()).isEqualTo(traceId);
        String storedTraceContext = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'traceparent'
                  FROM domain_event_entry WHERE aggregate_identifier = ?""", String.class, agreementId);
        assertThat(storedTraceContext).startsWith("00-" + traceId + "-");
    }

    private static List<String> spanNames(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
