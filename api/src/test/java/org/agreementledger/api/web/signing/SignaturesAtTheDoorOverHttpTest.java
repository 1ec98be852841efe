package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.SigningIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A party signs with its own Ed25519 key, made here: the ledger checks the signature, the key and
 * the intent before it writes the event, keeps the intent and the signature in it as received, and
 * refuses every other case with its own problem, writing nothing and leaving the intent unused. A
 * database of its own, so that no other test sees the keys' events.
 */
@TestPropertySource(properties = "ledger.test.database=signatures")
class SignaturesAtTheDoorOverHttpTest extends HttpContractTest {

    private static final String XJU_KEYS = "/api/parties/" + Agreements.XJU + "/signer-keys";
    private static final String DATE = "2024-08-22";

    private KeyPair keys;
    private Ed25519PublicKey key;
    private String agreementId;

    @BeforeEach
    void anApprovedKeyOfXjuAndAProposal() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        key = Ed25519PublicKey.of(keys.getPublic());
        register(key);
        approve(key);
        agreementId = propose("1000.00");
    }

    @Test
    void aSignatureByThePartysApprovedKeyIsCheckedAndKeptInTheEventAsReceived() throws Exception {
        String intent = intent(key, DATE);
        String value = sign(keys, intent);

        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                signature(DATE, key.keyId(), intent, value));

        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        String payload = new String(jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%AgreementSigned'""",
                byte[].class, agreementId), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"keyId\":\"" + key.keyId() + "\"", "\"intent\":\"" + intent + "\"",
                "\"value\":\"" + value + "\"");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementSigned'", String.class, agreementId)).isEqualTo("2");
        assertThat(intentUsed(intent)).isTrue();
        JsonNode verification = client.get("auditor", "/api/ledger/verify").body();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void aSignatureWithoutAKeyIsStillAnAccountsAndStoredAsBefore() {
        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", DATE));

        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementSigned'", byte[].class, agreementId), StandardCharsets.UTF_8))
                .doesNotContain("signature");
    }

    @Test
    void everyRefusalHasItsOwnCodeWritesNothingAndLeavesTheIntentUnused() throws Exception {
        String intent = intent(key, DATE);
        long events = eventCount();

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertRefused(signature(DATE, key.keyId(), intent, sign(other, intent)), "signature-invalid");
        assertRefused(signature(DATE, key.keyId(), intent, "not base64url!"), "signature-invalid");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(intent), StandardCharsets.UTF_8).replace(DATE, "2024-08-23")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(signature(DATE, key.keyId(), tampered, sign(keys, tampered)), "intent-mismatch");
        assertRefused(signature("2024-08-23", key.keyId(), intent, sign(keys, intent)), "intent-mismatch");
        assertRefused(signature(DATE, key.keyId(), "e30", sign(keys, "e30")), "intent-mismatch");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(intentUsed(intent)).isFalse();

        jdbc.update("UPDATE signing_intent SET expires_at = now() - interval '1 second' WHERE intent = ?",
                (Object) Base64.getUrlDecoder().decode(intent));
        assertRefused(signature(DATE, key.keyId(), intent, sign(keys, intent)), "intent-expired");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aKeyMustBeThePartysApprovedAndNotRevoked() throws Exception {
        KeyPair pendingKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Ed25519PublicKey pending = Ed25519PublicKey.of(pendingKeys.getPublic());
        register(pending);
        String forPending = intent(pending, DATE);
        assertRefused(signature(DATE, pending.keyId(), forPending, sign(pendingKeys, forPending)),
                "signer-key-not-approved");

        KeyPair unknownKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Ed25519PublicKey unknown = Ed25519PublicKey.of(unknownKeys.getPublic());
        String forUnknown = intent(unknown, DATE);
        assertRefused(signature(DATE, unknown.keyId(), forUnknown, sign(unknownKeys, forUnknown)),
                "signer-key-unknown");

        String intent = intent(key, DATE);
        assertThat(client.post("signatory-xju", XJU_KEYS + "/" + key.keyId() + "/revocation", Map.of()).status())
                .isEqualTo(200);
        assertRefused(signature(DATE, key.keyId(), intent, sign(keys, intent)), "signer-key-revoked");
    }

    @Test
    void anIntentIsUsedOnceAndACommandRefusedAfterTheCheckLeavesItUnused() throws Exception {
        String early = intent(key, "2024-08-01");
        Answer beforeTheProposal = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                signature("2024-08-01", key.keyId(), early, sign(keys, early)));
        assertThat(beforeTheProposal.status()).as("the ledger's own rule: " + beforeTheProposal.text())
                .isEqualTo(422);
        assertThat(intentUsed(early)).as("left unused by the refused command").isFalse();

        String intent = intent(key, DATE);
        Map<String, Object> body = signature(DATE, key.keyId(), intent, sign(keys, intent));
        assertThat(client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures", body).status())
                .isEqualTo(200);
        assertRefused(body, "intent-replayed");
    }

    @Test
    void aDeclineIsSignedWithAnIntentToDeclineAndNotWithOneToSign() throws Exception {
        String toSign = intent(key, DATE);
        Map<String, Object> withSignIntent = signature(DATE, key.keyId(), toSign, sign(keys, toSign));
        withSignIntent.put("declinedOn", withSignIntent.remove("signedOn"));
        Answer refused = client.post("signatory-xju", "/api/agreements/" + agreementId + "/declines", withSignIntent);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().get("type").asText()).endsWith("intent-mismatch");

        Answer issued = client.get("signatory-xju", "/api/agreements/" + agreementId + "/signing-intent?partyId="
                + Agreements.XJU + "&action=decline&date=" + DATE + "&keyId=" + key.keyId());
        String toDecline = issued.body().get("intent").asText();
        Map<String, Object> body = signature(DATE, key.keyId(), toDecline, sign(keys, toDecline));
        body.put("declinedOn", body.remove("signedOn"));
        body.put("reason", "the budget was cut");

        Answer declined = client.post("signatory-xju", "/api/agreements/" + agreementId + "/declines", body);

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.body().get("status").asText()).isEqualTo("DECLINED");
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementDeclined'", byte[].class, agreementId), StandardCharsets.UTF_8))
                .contains("\"intent\":\"" + toDecline + "\"", "\"reason\":\"the budget was cut\"");
    }

    private void assertRefused(Map<String, Object> body, String code) {
        Answer answer = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("type").asText()).as(answer.text()).endsWith(code);
    }

    private String intent(Ed25519PublicKey signer, String date) {
        Answer issued = client.get("signatory-xju", "/api/agreements/" + agreementId + "/signing-intent?partyId="
                + Agreements.XJU + "&action=sign&date=" + date + "&keyId=" + signer.keyId());
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        return issued.body().get("intent").asText();
    }

    private boolean intentUsed(String intent) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT used_at IS NOT NULL FROM signing_intent WHERE nonce = ?",
                Boolean.class, SigningIntent.parse(Base64.getUrlDecoder().decode(intent)).nonce()));
    }

    private static Map<String, Object> signature(String date, String keyId, String intent, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyId", Agreements.XJU);
        body.put("signedOn", date);
        body.put("signature", Map.of("keyId", keyId, "intent", intent, "value", value));
        return body;
    }

    private static String sign(KeyPair signer, String intent) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(signer.getPrivate());
        signature.update(Base64.getUrlDecoder().decode(intent));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private void register(Ed25519PublicKey signer) {
        Answer registered = client.post("signatory-xju", XJU_KEYS, Map.of("algorithm", "Ed25519",
                "publicKey", Base64.getEncoder().encodeToString(signer.raw())));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    }

    private void approve(Ed25519PublicKey signer) {
        assertThat(client.post("certifier", XJU_KEYS + "/" + signer.keyId() + "/approval", Map.of()).status())
                .isEqualTo(200);
    }
}
