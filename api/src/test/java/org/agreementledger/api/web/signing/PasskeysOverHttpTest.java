package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.SoftwarePasskey;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.CertificateCheck;
import org.agreementledger.ledger.audit.CertificateVerifier;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A party's passkey (WebAuthn, ES256), registered and used over HTTP as a browser would, by a
 * software authenticator: the registration and each assertion are verified by webauthn4j at the
 * door, and the signature holds offline in the agreement's certificate. A database of its own.
 */
@TestPropertySource(properties = "ledger.test.database=passkeys")
class PasskeysOverHttpTest extends HttpContractTest {

    private static final String XJU_KEYS = "/api/parties/" + Agreements.XJU + "/signer-keys";
    private static final String DATE = "2024-08-22";

    @LocalServerPort
    int port;

    private SoftwarePasskey passkey;

    @BeforeEach
    void aPasskeyOfXjus() {
        passkey = new SoftwarePasskey("http://localhost:" + port);
    }

    @Test
    void aPasskeyIsRegisteredApprovedAndSignsWithItsAssertionCheckedAtTheDoorAndOffline() throws Exception {
        JsonNode options = options();
        assertThat(options.get("rp").get("id").asText()).isEqualTo("localhost");
        assertThat(options.get("authenticatorSelection").get("userVerification").asText()).isEqualTo("required");
        assertThat(options.get("pubKeyCredParams").findValuesAsText("alg")).containsExactly("-7", "-8");

        Answer registered = client.post("signatory-xju", XJU_KEYS,
                passkey.registration(options.get("challenge").asText(), SoftwarePasskey.PRESENT_AND_VERIFIED));

        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String keyId = registered.body().get("keyId").asText();
        assertThat(keyId).startsWith("webauthn:");
        JsonNode listed = keyOf(keyId);
        assertThat(listed.get("algorithm").asText()).isEqualTo("WebAuthn");
        assertThat(listed.get("credentialId").asText()).isEqualTo(passkey.credentialId());
        assertThat(client.post("certifier", XJU_KEYS + "/" + keyId + "/approval", Map.of()).status()).isEqualTo(200);

        String agreementId = propose("1000.00");
        String intent = intent(agreementId, keyId);
        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", DATE,
                        "signature", passkey.signatureOf(intent, SoftwarePasskey.PRESENT_AND_VERIFIED)));

        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementSigned'", byte[].class, agreementId), StandardCharsets.UTF_8))
                .contains("\"keyId\":\"" + keyId + "\"", "\"authenticatorData\":", "\"clientDataJSON\":");
        NoteVerifier logKey = NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body()
                .get("verifierKey").asText());
        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(client.get("auditor",
                        "/api/agreements/" + agreementId + "/certificate").text().getBytes(StandardCharsets.UTF_8),
                AgreementCertificate.class), logKey, null);
        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.signatures().get(0).line()).contains("signer-key " + keyId, "the signature verifies");
    }

    @Test
    void aRegistrationMustAnswerAnUnusedChallengeWithTheUserVerified() {
        String challenge = options().get("challenge").asText();

        assertRefused(client.post("signatory-xju", XJU_KEYS, passkey.registration(challenge, (byte) 0x01)),
                "passkey-invalid");
        assertRefused(client.post("signatory-xju", XJU_KEYS, passkey.registration("bm90LWlzc3VlZA",
                SoftwarePasskey.PRESENT_AND_VERIFIED)), "passkey-invalid");
        assertRefused(client.post("signatory-kbtu", "/api/parties/" + Agreements.KBTU + "/signer-keys",
                passkey.registration(challenge, SoftwarePasskey.PRESENT_AND_VERIFIED)), "passkey-invalid");
        assertRefused(client.post("signatory-xju", XJU_KEYS, passkey.at("http://evil.example")
                .registration(challenge, SoftwarePasskey.PRESENT_AND_VERIFIED)), "passkey-invalid");
        for (String malformed : new String[]{"oWNmbXRkbm9uZQ", "9gr_AAEC", "o2NmbXRkbm9uZWdhdHRTdG10oGhhdXRoRGF0YUEA"}) {
            Map<String, Object> registration = passkey.registration(challenge, SoftwarePasskey.PRESENT_AND_VERIFIED);
            registration.put("attestationObject", malformed);
            assertRefused(client.post("signatory-xju", XJU_KEYS, registration), "passkey-invalid");
        }
        assertThat(client.post("signatory-xju", XJU_KEYS,
                passkey.registration(challenge, SoftwarePasskey.PRESENT_AND_VERIFIED)).status()).isEqualTo(201);
        assertRefused(client.post("signatory-xju", XJU_KEYS,
                new SoftwarePasskey("http://localhost:" + port).registration(challenge,
                        SoftwarePasskey.PRESENT_AND_VERIFIED)), "passkey-invalid");
    }

    @Test
    void anAssertionWithoutUserVerificationFromAnotherOriginOrWithoutItsDataDoesNotSign() {
        String keyId = client.post("signatory-xju", XJU_KEYS, passkey.registration(options().get("challenge").asText(),
                SoftwarePasskey.PRESENT_AND_VERIFIED)).body().get("keyId").asText();
        client.post("certifier", XJU_KEYS + "/" + keyId + "/approval", Map.of());
        String agreementId = propose("1000.00");
        long events = eventCount();

        String intent = intent(agreementId, keyId);
        assertSignatureRefused(agreementId, passkey.signatureOf(intent, (byte) 0x01));
        assertSignatureRefused(agreementId, passkey.at("http://evil.example").signatureOf(intent,
                SoftwarePasskey.PRESENT_AND_VERIFIED));
        Map<String, Object> bare = new HashMap<>(passkey.signatureOf(intent,
                SoftwarePasskey.PRESENT_AND_VERIFIED));
        bare.remove("authenticatorData");
        bare.remove("clientDataJSON");
        assertSignatureRefused(agreementId, bare);
        for (String malformed : new String[]{"AA", "9gr_AAEC", "A".repeat(60)}) {
            Map<String, Object> garbled = new HashMap<>(passkey.signatureOf(intent, SoftwarePasskey.PRESENT_AND_VERIFIED));
            garbled.put("authenticatorData", malformed);
            assertSignatureRefused(agreementId, garbled);
        }

        assertThat(eventCount()).as("nothing written").isEqualTo(events);
    }

    private void assertSignatureRefused(String agreementId, Map<String, Object> signature) {
        Answer refused = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", DATE, "signature", signature));
        assertRefused(refused, "signature-invalid");
    }

    private static void assertRefused(Answer answer, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("type").asText()).as(answer.text()).endsWith(code);
    }

    private JsonNode options() {
        Answer options = client.get("signatory-xju", XJU_KEYS + "/passkey-options");
        assertThat(options.status()).as(options.text()).isEqualTo(200);
        assertThat(options.headers().getCacheControl()).isEqualTo("no-store");
        return options.body();
    }

    private String intent(String agreementId, String keyId) {
        Answer issued = client.get("signatory-xju", "/api/agreements/" + agreementId + "/signing-intent?partyId="
                + Agreements.XJU + "&action=sign&date=" + DATE + "&keyId=" + keyId);
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        return issued.body().get("intent").asText();
    }

    private JsonNode keyOf(String keyId) {
        for (JsonNode listed : client.get("analyst", XJU_KEYS).body()) {
            if (listed.get("keyId").asText().equals(keyId)) {
                return listed;
            }
        }
        throw new AssertionError("no key " + keyId + " listed");
    }

}
