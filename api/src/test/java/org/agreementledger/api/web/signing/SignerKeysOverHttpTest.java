package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A party's keys, registered, approved and revoked over HTTP with real Ed25519 keys made here, each
 * step an event in the ledger. A database of its own, so that no other test sees the keys' events.
 */
@TestPropertySource(properties = "ledger.test.database=signer-keys")
class SignerKeysOverHttpTest extends HttpContractTest {

    private static final String XJU_KEYS = "/api/parties/" + Agreements.XJU + "/signer-keys";

    @Test
    void aSignatoryRegistersItsPartysKeyTheCertifierApprovesItAndTheSignatoryRevokesIt() throws Exception {
        Ed25519PublicKey key = newKey();
        long eventsBefore = eventCount();

        Answer registered = client.post("signatory-xju", XJU_KEYS, registration(key));

        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.body().get("keyId").asText()).isEqualTo(key.keyId());
        assertThat(registered.body().get("status").asText()).isEqualTo("PENDING");
        assertThat(registered.headers().getLocation()).hasToString(XJU_KEYS + "/" + key.keyId());
        assertThat(keyOf(key).get("status").asText()).isEqualTo("PENDING");
        assertThat(keyOf(key).get("publicKey").asText()).isEqualTo(base64(key));

        Answer approved = client.post("certifier", XJU_KEYS + "/" + key.keyId() + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
        assertThat(keyOf(key).get("approvedBy").asText()).isEqualTo("certifier");

        Answer revoked = client.post("signatory-xju", XJU_KEYS + "/" + key.keyId() + "/revocation",
                Map.of("reason", "the laptop was lost"));
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        JsonNode view = keyOf(key);
        assertThat(view.get("status").asText()).isEqualTo("REVOKED");
        assertThat(view.get("revocationReason").asText()).isEqualTo("the laptop was lost");
        assertThat(view.get("registeredAt").asLong()).isLessThan(view.get("approvedAt").asLong());
        assertThat(view.get("approvedAt").asLong()).isLessThan(view.get("revokedAt").asLong());

        assertThat(eventCount()).as("three events in the ledger").isEqualTo(eventsBefore + 3);
        JsonNode feed = client.get("auditor", "/api/ledger/events?after=" + (view.get("registeredAt").asLong() - 1)
                + "&limit=10").body();
        assertThat(feed.toString()).contains("\"aggregateType\":\"SignerKey\"", key.keyId());
        JsonNode verification = client.get("auditor", "/api/ledger/verify").body();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void refusalsAreProblemsAndWriteNothing() throws Exception {
        Ed25519PublicKey key = newKey();
        assertThat(client.post("signatory-xju", XJU_KEYS, registration(key)).status()).isEqualTo(201);
        long events = eventCount();

        assertProblem(client.post("signatory-kbtu", XJU_KEYS, registration(newKey())), 403, "party-not-yours");
        assertProblem(client.post("registrar", XJU_KEYS, registration(newKey())), 403, "forbidden");
        assertProblem(client.post("signatory-xju", XJU_KEYS, registration(key)), 409, "signer-key-exists");
        assertProblem(client.post("signatory-xju", XJU_KEYS, Map.of("algorithm", "Ed25519", "publicKey", "AAAA")),
                422, "invalid-signer-key");
        assertProblem(client.post("signatory-xju", XJU_KEYS, Map.of("algorithm", "RSA", "publicKey", base64(newKey()))),
                422, "invalid-signer-key");
        assertProblem(client.post("signatory-xju", XJU_KEYS + "/" + key.keyId() + "/approval", Map.of()), 403,
                "forbidden");
        assertProblem(client.post("certifier", XJU_KEYS + "/ed25519:nobody/approval", Map.of()), 404,
                "signer-key-not-found");
        assertProblem(client.post("certifier", "/api/parties/" + Agreements.KBTU + "/signer-keys/" + key.keyId()
                + "/approval", Map.of()), 404, "signer-key-not-found");
        assertProblem(client.post("signatory-kbtu", XJU_KEYS + "/" + key.keyId() + "/revocation", Map.of()), 403,
                "party-not-yours");
        assertThat(eventCount()).isEqualTo(events);

        assertThat(client.post("certifier", XJU_KEYS + "/" + key.keyId() + "/revocation", Map.of()).status())
                .as("the certifier revokes any party's key").isEqualTo(200);
        assertProblem(client.post("certifier", XJU_KEYS + "/" + key.keyId() + "/approval", Map.of()), 409,
                "signer-key-status");
    }

    @Test
    void everyoneSignedInSeesEveryKeyRegisteredInAPartysName() throws Exception {
        Ed25519PublicKey first = newKey();
        Ed25519PublicKey second = newKey();
        client.post("signatory-xju", XJU_KEYS, registration(first));
        client.post("signatory-xju", XJU_KEYS, registration(second));

        Answer seen = client.get("analyst", XJU_KEYS);

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().findValuesAsText("keyId")).contains(first.keyId(), second.keyId());
        assertThat(client.get("analyst", "/api/parties/" + Agreements.KBTU + "/signer-keys").body()
                .findValuesAsText("keyId")).doesNotContain(first.keyId(), second.keyId());
        assertThat(client.get(null, XJU_KEYS).status()).isEqualTo(401);
    }

    private JsonNode keyOf(Ed25519PublicKey key) {
        for (JsonNode listed : client.get("analyst", XJU_KEYS).body()) {
            if (listed.get("keyId").asText().equals(key.keyId())) {
                return listed;
            }
        }
        throw new AssertionError("no key " + key.keyId() + " listed");
    }

    private static Map<String, Object> registration(Ed25519PublicKey key) {
        return Map.of("algorithm", "Ed25519", "publicKey", base64(key));
    }

    private static String base64(Ed25519PublicKey key) {
        return Base64.getEncoder().encodeToString(key.raw());
    }

    private static Ed25519PublicKey newKey() throws Exception {
        return Ed25519PublicKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.body().get("type").asText()).as(answer.text()).endsWith(code);
    }
}
