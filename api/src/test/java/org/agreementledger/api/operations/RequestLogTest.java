package org.agreementledger.api.operations;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.UUID;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** One log line per request, with what an operator needs to find it again, and the correlation id on every answer. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest extends HttpContractTest {

    @Test
    void everyRequestGetsOneLineWithItsStatusActorCorrelationIdAndDuration(CapturedOutput output) {
        String correlationId = "trace-" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Correlation-Id", correlationId);

        Answer proposed = client.exchange("registrar", HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"),
                headers);
        Answer anonymous = client.get(null, "/api/totals");

        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.headers().get("X-Correlation-Id")).containsExactly(correlationId);
        assertThat(proposed.body().get("correlationId").asText()).isEqualTo(correlationId);
        String generated = anonymous.headers().getFirst("X-Correlation-Id");
        assertThat(generated).isNotBlank();
        // the line is written once the request is done, which may be just after the client has its answer
        eventually(() -> assertThat(output.getOut()).containsPattern("POST /api/agreements 201 actor=registrar"
                        + " correlationId=" + correlationId + " \\d+ms")
                .containsPattern("GET /api/totals 401 actor=- correlationId=" + generated + " \\d+ms"));
    }
}
