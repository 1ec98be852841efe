package org.agreementledger.api.outage;

import org.agreementledger.api.LedgerApplication;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The service on a database an outage test controls, and what it must answer while the database fails it. */
final class ServiceOnAnOutage {

    private ServiceOnAnOutage() {
    }

    /** The service, without demo data, on the database given, with its log's key and checkpoints in the directory. */
    static ConfigurableApplicationContext start(String jdbcUrl, Path directory, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--ledger.log.signing-key-file=" + directory.resolve("signing-key.pem"),
                "--ledger.log.checkpoint-directory=" + directory.resolve("checkpoints"),
                "--ledger.demo-data.enabled=false"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    /** A client patient enough to see the service's own bounds at work. */
    static LedgerClient clientOf(ConfigurableApplicationContext service) {
        return new LedgerClient(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + service.getEnvironment().getProperty("local.server.port"))
                .readTimeout(Duration.ofSeconds(60))));
    }

    /** A 503 problem with Retry-After, answered within the bound. */
    static void assertUnavailableWithin(Duration bound, Supplier<Answer> request) {
        long started = System.nanoTime();
        Answer answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within the bound").isLessThan(bound);
        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }
}
