package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.signing.OutstandingIssuance;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.signing.SigningIntent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a party's key is to sign: the terms hash on the agreement, and the intents the ledger issues. */
class SigningIntentOverHttpTest extends HttpContractTest {

    @Autowired
    OutstandingIssuance issuance;

    private static final String KEY_ID = "ed25519:test-key";

    /** The demo proposal's terms at 1000.00, written by hand: sorted keys, no whitespace. */
    private static final String DEMO_TERMS = "{\"kind\":\"TECHNOLOGY\",\"occasion\":\"Belt and Road inter-regional"
            + " cooperation and innovation conference 2024\",\"parties\":[{\"city\":\"Urumqi\",\"country\":\"CN\","
            + "\"name\":\"Xinjiang University\",\"organisationType\":\"UNIVERSITY\",\"partyId\":\"CN-URUMQI-XJU\"},"
            + "{\"city\":\"Almaty\",\"country\":\"KZ\",\"name\":\"Kazakh-British Technical University\","
            + "\"organisationType\":\"UNIVERSITY\",\"partyId\":\"KZ-ALMATY-KBTU\"}],\"proposedOn\":\"2024-08-20\","
            + "\"sector\":\"SMART_TECHNOLOGY\",\"title\":\"Joint laboratory for smart grid control\","
            + "\"value\":{\"amount\":\"1000.00\",\"currency\":\"CNY\"}}";

    @Test
    void anAgreementShowsTheSha256OfItsTermsAsProposed() throws Exception {
        String id = propose("1000.00");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(DEMO_TERMS.getBytes(StandardCharsets.UTF_8)));

        eventually(() -> assertThat(client.get("analyst", "/api/agreements/" + id).body().path("termsHash").asText())
                .isEqualTo(expected));
        assertThat(client.get("analyst", "/api/agreements/" + id).body().path("status").asText())
                .as("the agreement's own fields are still there").isEqualTo("PROPOSED");
    }

    @Test
    void aSignatoryGetsTheExactBytesToSignForItsPartyWithAFreshNonceEachTime() {
        String id = propose("1000.00");

        Answer first = intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=sign&date=2024-08-22");
        Answer second = intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=sign&date=2024-08-22");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.headers().getCacheControl()).contains("no-store");
        byte[] bytes = Base64.getUrlDecoder().decode(first.body().get("intent").asText());
        SigningIntent intent = SigningIntent.parse(bytes);
        assertThat(intent.agreementId()).isEqualTo(UUID.fromString(id));
        assertThat(intent.partyId()).isEqualTo(Agreements.XJU);
        assertThat(intent.action().intentName()).isEqualTo("sign");
        assertThat(intent.date()).hasToString("2024-08-22");
        assertThat(intent.keyId()).isEqualTo(KEY_ID);
        assertThat(intent.origin()).isEqualTo("agreement-ledger/log");
        assertThat(intent.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofMinutes(1)));
        assertThat(first.body().get("digest").asText()).isEqualTo(intent.digest());
        assertThat(first.body().get("parsed").get("termsHash").asText()).isEqualTo(intent.termsHash());

        String secondNonce = SigningIntent.parse(Base64.getUrlDecoder().decode(second.body().get("intent").asText()))
                .nonce();
        assertThat(secondNonce).isNotEqualTo(intent.nonce());
        byte[] kept = jdbc.queryForObject("SELECT intent FROM signing_intent WHERE nonce = ? AND used_at IS NULL",
                byte[].class, intent.nonce());
        assertThat(kept).as("issued, kept byte for byte, unused").isEqualTo(bytes);
    }

    @Test
    void theIntentNamesTheTermsHashTheAgreementShows() {
        String id = propose("2500.00");
        eventually(() -> assertThat(client.get("analyst", "/api/agreements/" + id).status()).isEqualTo(200));

        JsonNode parsed = intent("signatory-kbtu", id, "partyId=" + Agreements.KBTU + "&action=decline&keyId=k")
                .body().get("parsed");

        assertThat(parsed.get("termsHash").asText())
                .isEqualTo(client.get("analyst", "/api/agreements/" + id).body().get("termsHash").asText());
        assertThat(parsed.get("action").asText()).isEqualTo("decline");
        assertThat(parsed.get("keyId").asText()).isEqualTo("k");
    }

    @Test
    void refusalsAreProblemsAndIssueNothing() {
        String id = propose("1000.00");
        long issued = issuedCount();

        assertProblem(intent("signatory-kbtu", id, "partyId=" + Agreements.XJU + "&action=sign"), 403, "party-not-yours");
        assertProblem(intent("registrar", id, "partyId=" + Agreements.XJU + "&action=sign"), 403, "forbidden");
        assertProblem(intent("signatory-xju", UUID.randomUUID().toString(), "partyId=" + Agreements.XJU
                + "&action=sign"), 404, "agreement-not-found");
        assertProblem(intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=certify"), 400,
                "invalid-parameter");
        assertProblem(intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=approve"), 400,
                "invalid-parameter");
        assertProblem(intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=sign&date=22.08.2024"), 400,
                "invalid-parameter");
        assertProblem(intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=sign&keyId=" + "k".repeat(201)),
                400, "invalid-parameter");
        assertProblem(intent("signatory-xju", id, "partyId=" + Agreements.XJU + "&action=sign&keyId=ключ"), 400,
                "invalid-parameter");
        assertProblem(client.get("signatory-xju", "/api/agreements/" + id + "/signing-intent?partyId="
                + Agreements.XJU + "&action=sign"), 400, null);

        assertThat(issuedCount()).isEqualTo(issued);
    }

    @Test
    void aPartyThatIsNotOnTheAgreementGetsNoIntent() {
        Map<String, Object> proposal = new HashMap<>(Agreements.proposal("1000.00"));
        proposal.put("parties", List.of(Agreements.demoParties().get(0),
                Agreements.party("UZ-TASHKENT-TSTU", "Tashkent State Technical University", "UNIVERSITY", "Tashkent",
                        "UZ")));
        Answer proposed = client.post("registrar", "/api/agreements", proposal);
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        long issued = issuedCount();

        Answer answer = intent("signatory-kbtu", proposed.body().get("agreementId").asText(),
                "partyId=" + Agreements.KBTU + "&action=sign");

        assertProblem(answer, 422, "unknown-party");
        assertThat(issuedCount()).isEqualTo(issued);
    }

    @Test
    void intentsLapsedForADayAreForgottenAndOthersKept() {
        String id = propose("1000.00");
        String kept = SigningIntent.parse(Base64.getUrlDecoder().decode(intent("signatory-xju", id,
                "partyId=" + Agreements.XJU + "&action=sign").body().get("intent").asText())).nonce();
        jdbc.update("""
                INSERT INTO signing_intent (nonce, agreement_id, party_id, action, key_id, intent, issued_to, expires_at)
                VALUES ('lapsed-long-ago', ?, ?, 'sign', 'k', '\\x00', 'signatory-xju', now() - interval '25 hours')""",
                UUID.fromString(id), Agreements.XJU);

        assertThat(issuance.forgetLapsed()).isPositive();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_intent WHERE nonce = 'lapsed-long-ago'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_intent WHERE nonce = ?", Long.class, kept))
                .isEqualTo(1);
    }

    private Answer intent(String user, String agreementId, String query) {
        String withKey = query.contains("keyId=") ? query : query + "&keyId=" + KEY_ID;
        return client.get(user, "/api/agreements/" + agreementId + "/signing-intent?" + withKey);
    }

    private long issuedCount() {
        return jdbc.queryForObject("SELECT count(*) FROM signing_intent", Long.class);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        if (code != null) {
            assertThat(answer.body().get("type").asText()).as(answer.text()).endsWith(code);
        }
    }
}
