package org.agreementledger.api.operations;

import com.sun.net.httpserver.HttpServer;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One property turns the export on: with {@code management.otlp.tracing.endpoint} naming a collector
 * (here a stand-in that keeps what it is sent), every request's spans, Axon's among them, are posted
 * to it as OTLP.
 */
@LedgerIntegrationTest
@AutoConfigureObservability
class TracingExportTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    @Autowired
    TestRestTemplate rest;

    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry properties) {
        properties.add("management.otlp.tracing.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopTheCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void aCommandsSpansReachTheCollector() {
        LedgerClient client = new LedgerClient(rest);
        assertThat(client.post("registrar", "/api/agreements", Agreements.proposal("5.00")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(String.join("", RECEIVED))
                .contains("agreement-ledger", "http post /api/agreements", "CommandBus.handleCommand(ProposeAgreement)"));
    }
}
