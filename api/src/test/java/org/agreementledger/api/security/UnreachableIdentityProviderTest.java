package org.agreementledger.api.security;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's decoder as Spring Boot builds it from {@code LEDGER_JWT_ISSUER_URI}, resolved on the
 * first token, with the identity provider down: a 503 with Retry-After at once, not a 500 or a hang.
 */
@Import(UnreachableIdentityProviderTest.UnreachableProvider.class)
class UnreachableIdentityProviderTest extends HttpContractTest {

    @TestConfiguration
    static class UnreachableProvider {

        @Bean
        JwtDecoder jwtDecoder() {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation("http://127.0.0.1:9/realms/ledger"));
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIsAnswered503WithRetryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZWdpc3RyYXIifQ.c2lnbmF0dXJl");
        long events = eventCount();
        long started = System.nanoTime();

        Answer answer = client.exchange(null, HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"), headers);

        assertThat(answer.status()).as(answer.text()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void httpBasicStillWorksWhileTheProviderIsDown() {
        assertThat(client.get("analyst", "/api/totals").status()).isEqualTo(200);
    }
}
