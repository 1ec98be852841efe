package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.SignerKeyHolder;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.projections.reconciliation.ProjectionLag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
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

    @Autowired
    ProjectionLag lag;

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
        assertProblem(client.post("signatory-xju", XJU_KEYS + "/" + key.keyId() + "/approval", Map.of()), 422,
                "signer-key-required");
        assertProblem(client.post("registrar", XJU_KEYS + "/" + key.keyId() + "/approval", Map.of()), 403,
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

    @Test
    void anApprovedKeyOfThePartyApprovesAnotherWithItsSignatureOverAnApprovalIntent() {
        SignerKeyHolder approver = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).approved();
        SignerKeyHolder pending = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).registered();
        Answer issued = client.get("signatory-xju", XJU_KEYS + "/" + pending.keyId() + "/approval-intent?approverKeyId="
                + approver.keyId());
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        assertThat(issued.headers().getCacheControl()).isEqualTo("no-store");
        JsonNode parsed = issued.body().get("parsed");
        assertThat(parsed.get("type").asText()).isEqualTo("agreement-ledger/key-approval-intent/v1");
        assertThat(parsed.get("keyId").asText()).isEqualTo(approver.keyId());
        assertThat(parsed.get("approvedKeyId").asText()).isEqualTo(pending.keyId());
        assertThat(parsed.get("approvedPublicKey").asText()).isEqualTo(keyOf(pending.keyId()).get("publicKey").asText());
        String intent = issued.body().get("intent").asText();
        Map<String, Object> body = Map.of("signature", approver.signatureOf(intent));

        Answer approved = client.post("signatory-xju", XJU_KEYS + "/" + pending.keyId() + "/approval", body);

        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
        JsonNode view = keyOf(pending.keyId());
        assertThat(view.get("approvedBy").asText()).isEqualTo("signatory-xju");
        assertThat(view.get("approvedWithKey").asText()).isEqualTo(approver.keyId());
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%SignerKeyApproved'", byte[].class, pending.keyId()), StandardCharsets.UTF_8))
                .contains("\"intent\":\"" + intent + "\"");
        assertProblem(client.post("signatory-xju", XJU_KEYS + "/" + pending.keyId() + "/approval", body), 422,
                "intent-replayed");
        assertThat(keyOf(approver.keyId()).get("approvedWithKey").isNull()).as("the certifier approved it").isTrue();
    }

    @Test
    void anApprovalByKeyNeedsThePartysApprovedKeyAnIntentForThisKeyAndTheParty() {
        SignerKeyHolder approver = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).approved();
        SignerKeyHolder pending = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).registered();
        SignerKeyHolder alsoPending = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).registered();
        SignerKeyHolder kbtu = new SignerKeyHolder(client, "signatory-kbtu", Agreements.KBTU).approved();
        String approval = XJU_KEYS + "/" + pending.keyId() + "/approval";
        long events = eventCount();

        assertProblem(client.post("signatory-xju", approval,
                Map.of("signature", alsoPending.signatureOf(alsoPending.approvalIntentFor(pending.keyId())))),
                422, "signer-key-not-approved");
        assertProblem(client.post("signatory-xju", approval,
                Map.of("signature", approver.signatureOf(approver.approvalIntentFor(alsoPending.keyId())))),
                422, "intent-mismatch");
        String byKbtusKey = client.get("signatory-xju", XJU_KEYS + "/" + pending.keyId()
                + "/approval-intent?approverKeyId=" + kbtu.keyId()).body().get("intent").asText();
        assertProblem(client.post("signatory-xju", approval, Map.of("signature", kbtu.signatureOf(byKbtusKey))),
                422, "signer-key-unknown");
        String intent = approver.approvalIntentFor(pending.keyId());
        assertProblem(client.post("signatory-xju", approval,
                Map.of("signature", approver.signature(intent, pending.sign(intent)))), 422, "signature-invalid");
        assertProblem(client.post("signatory-xju", approval, Map.of()), 422, "signer-key-required");
        assertProblem(client.post("signatory-kbtu", approval, Map.of("signature", approver.signatureOf(intent))),
                403, "party-not-yours");
        assertProblem(client.post("certifier", approval, Map.of("signature", approver.signatureOf(intent))),
                403, "party-not-yours");
        assertThat(eventCount()).as("nothing written").isEqualTo(events);
        assertThat(keyOf(pending.keyId()).get("status").asText()).isEqualTo("PENDING");

        assertProblem(client.get("signatory-xju", XJU_KEYS + "/" + approver.keyId() + "/approval-intent?approverKeyId="
                + pending.keyId()), 409, "signer-key-status");
        assertProblem(client.get("signatory-xju", XJU_KEYS + "/ed25519:nobody/approval-intent?approverKeyId="
                + approver.keyId()), 404, "signer-key-not-found");
        assertProblem(client.get("signatory-kbtu", XJU_KEYS + "/" + pending.keyId() + "/approval-intent?approverKeyId="
                + kbtu.keyId()), 403, "party-not-yours");
        assertProblem(client.get("certifier", XJU_KEYS + "/" + pending.keyId() + "/approval-intent?approverKeyId="
                + approver.keyId()), 403, "party-not-yours");
        assertProblem(client.get("registrar", XJU_KEYS + "/" + pending.keyId() + "/approval-intent?approverKeyId="
                + approver.keyId()), 403, "forbidden");
    }

    @Test
    void aPartyFollowsTheFeedOfItsKeysEventsAndOfNoOtherPartys() {
        long from = endOfFeed(XJU_KEYS);
        SignerKeyHolder xju = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).approved();
        SignerKeyHolder kbtu = new SignerKeyHolder(client, "signatory-kbtu", Agreements.KBTU).registered();

        JsonNode page = client.get("signatory-xju", XJU_KEYS + "/events?after=" + from).body();

        assertThat(page.get("events").findValuesAsText("type")).containsExactly("SignerKeyRegistered",
                "SignerKeyApproved");
        assertThat(page.get("events").findValuesAsText("agreementId")).containsOnly(xju.keyId());
        assertThat(page.toString()).doesNotContain(kbtu.keyId());
        assertThat(page.get("more").asBoolean()).isFalse();
        assertThat(page.get("next").asLong()).isEqualTo(page.get("stablePosition").asLong());
        JsonNode first = client.get("analyst", XJU_KEYS + "/events?limit=1&after=" + from).body();
        assertThat(first.get("more").asBoolean()).isTrue();
        assertThat(first.get("next").asLong()).isEqualTo(page.get("events").get(0).get("globalPosition").asLong());
        assertThat(client.get("analyst", "/api/parties/" + Agreements.KBTU + "/signer-keys/events?after=" + from)
                .body().get("events").findValuesAsText("agreementId")).containsExactly(kbtu.keyId());
        assertProblem(client.get("analyst", XJU_KEYS + "/events?after=-1"), 400, "invalid-parameter");
        assertProblem(client.get("analyst", XJU_KEYS + "/events?limit=0"), 400, "invalid-parameter");
    }

    @Test
    void aQueryAtTheLogPositionOfAKeysEventHasNothingToWaitForOnTheReadSide() throws Exception {
        Answer registered = client.post("signatory-xju", XJU_KEYS, registration(newKey()));
        HttpHeaders atTheKeysEvent = new HttpHeaders();
        atTheKeysEvent.set("X-Ledger-Position", registered.body().get("position").asText());

        Answer read = client.exchange("analyst", HttpMethod.GET, "/api/agreements?limit=1", null, atTheKeysEvent);

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(lag.now()).as("no agreement event is waiting").isEqualTo(new ProjectionLag.Lag(0, Duration.ZERO));
    }

    /** Where a reader of the party's key feed is once it has read every page. */
    private long endOfFeed(String registry) {
        JsonNode page = client.get("analyst", registry + "/events").body();
        while (page.get("more").asBoolean()) {
            page = client.get("analyst", registry + "/events?after=" + page.get("next").asLong()).body();
        }
        return page.get("next").asLong();
    }

    private JsonNode keyOf(Ed25519PublicKey key) {
        return keyOf(key.keyId());
    }

    private JsonNode keyOf(String keyId) {
        for (JsonNode listed : client.get("analyst", XJU_KEYS).body()) {
            if (listed.get("keyId").asText().equals(keyId)) {
                return listed;
            }
        }
        throw new AssertionError("no key " + keyId + " listed");
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
