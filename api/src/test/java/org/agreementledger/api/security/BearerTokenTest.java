package org.agreementledger.api.security;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's way in: OAuth2 bearer tokens from the organisation's identity provider, with the
 * ledger's roles and a signatory's party as claims. Here the provider is a key pair of the test.
 */
@Import(TestIdentityProvider.Trusted.class)
class BearerTokenTest extends HttpContractTest {

    private static final KeyPair PROVIDER_KEY = TestIdentityProvider.KEY;

    @Test
    void aRegistrarWithABearerTokenProposesAndIsRecordedAsTheTokensSubject() {
        Answer proposed = withToken(token(PROVIDER_KEY, "registrar@science-bureau", List.of("REGISTRAR"), null,
                Instant.now().plusSeconds(300)), HttpMethod.POST, "/api/agreements", Agreements.proposal("10.00"));

        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String actor = jdbc.queryForObject("""
                SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM domain_event_entry
                WHERE aggregate_identifier = ?""", String.class, proposed.body().get("agreementId").asText());
        assertThat(actor).isEqualTo("registrar@science-bureau");
    }

    @Test
    void aSignatoryTokenSignsForItsPartyOnly() {
        String id = propose("11.00");
        String signatory = token(PROVIDER_KEY, "kbtu-office", List.of("SIGNATORY"), Agreements.KBTU,
                Instant.now().plusSeconds(300));

        Answer forOtherParty = withToken(signatory, HttpMethod.POST, "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        Answer forOwnParty = withToken(signatory, HttpMethod.POST, "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));

        assertThat(forOtherParty.status()).isEqualTo(403);
        assertThat(forOwnParty.status()).as(forOwnParty.text()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        Answer answer = withToken(token(PROVIDER_KEY, "someone", List.of("ANALYST"), null,
                Instant.now().plusSeconds(300)), HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"));

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() {
        Answer answer = withToken(token(rsaKeyPair(), "registrar", List.of("REGISTRAR"), null,
                Instant.now().plusSeconds(300)), HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Answer answer = withToken(token(PROVIDER_KEY, "registrar", List.of("REGISTRAR"), null,
                Instant.now().minusSeconds(3600)), HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"));

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void aTokenThatNeverExpiresIsUnauthorized() {
        Answer answer = withToken(token(PROVIDER_KEY, "registrar", List.of("REGISTRAR"), null, null),
                HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aTokenWhoseSubjectCannotBeAnActorIsUnauthorizedAndWritesNothing() {
        long events = eventCount();
        for (String subject : new String[]{null, "", "x".repeat(256), "regis\u0000trar", "line\nbreak"}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(token(PROVIDER_KEY, subject, List.of("REGISTRAR"), null,
                    Instant.now().plusSeconds(300)));
            headers.set("Idempotency-Key", "subject-test");
            Answer answer = client.exchange(null, HttpMethod.POST, "/api/agreements", Agreements.proposal("1.00"),
                    headers);

            assertThat(answer.status()).as(String.valueOf(subject)).isEqualTo(401);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void repeatedWrongPasswordsForOneNameAreAnswered429WithRetryAfter() {
        HttpHeaders guess = new HttpHeaders();
        guess.setBasicAuth("no-such-user", "guess");
        for (int i = 0; i < LoginThrottle.FAILURES_BEFORE_LOCK; i++) {
            assertThat(client.exchange(null, HttpMethod.GET, "/api/totals", null, guess).status()).isEqualTo(401);
        }

        Answer locked = client.exchange(null, HttpMethod.GET, "/api/totals", null, guess);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).isEqualTo("application/problem+json");
        assertThat(locked.body().get("code").asText()).isEqualTo("login-throttled");
        assertThat(Long.parseLong(locked.headers().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(client.get("analyst", "/api/totals").status()).isEqualTo(200);
    }

    private Answer withToken(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return client.exchange(null, method, path, body, headers);
    }

    private static String token(KeyPair signingKey, String subject, List<String> roles, String partyId,
                                Instant expiresAt) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("iat", Date.from((expiresAt == null ? Instant.now() : expiresAt).minusSeconds(600)));
        claims.put("exp", expiresAt == null ? null : Date.from(expiresAt));
        claims.put("roles", roles);
        claims.put("party_id", partyId);
        return TestIdentityProvider.token(signingKey, claims);
    }

    private static KeyPair rsaKeyPair() {
        return TestIdentityProvider.rsaKeyPair();
    }
}
