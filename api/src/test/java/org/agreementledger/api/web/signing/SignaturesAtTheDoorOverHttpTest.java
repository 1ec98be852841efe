package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.SignerKeyHolder;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.CertificateCheck;
import org.agreementledger.ledger.audit.CertificateVerifier;
import org.agreementledger.ledger.audit.SignatureVerdict;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SigningIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
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

    private static final String DATE = "2024-08-22";
    private static final String AUTHORITY = "certifying-authority";

    private SignerKeyHolder xju;
    private String agreementId;

    @BeforeEach
    void anApprovedKeyOfXjuAndAProposal() {
        xju = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).approved();
        agreementId = propose("1000.00");
    }

    @Test
    void aSignatureByThePartysApprovedKeyIsCheckedAndKeptInTheEventAsReceived() {
        String intent = intent(xju, DATE);
        String value = xju.sign(intent);

        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                signed(DATE, xju.signature(intent, value)));

        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        String payload = new String(jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%AgreementSigned'""",
                byte[].class, agreementId), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"keyId\":\"" + xju.keyId() + "\"", "\"intent\":\"" + intent + "\"",
                "\"value\":\"" + value + "\"");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementSigned'", String.class, agreementId)).isEqualTo("2");
        assertThat(intentUsed(intent)).isTrue();
        assertThat(assuranceOfTheSignatureIn(agreementId)).isEqualTo("signer-key");
        JsonNode verification = client.get("auditor", "/api/ledger/verify").body();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    void theCertificateCarriesTheKeysEventsAndItsSignatureIsCheckedOffline() throws Exception {
        client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                signed(DATE, xju.signatureOf(intent(xju, DATE))));
        client.post("signatory-kbtu", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", DATE));
        NoteVerifier logKey = NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body()
                .get("verifierKey").asText());

        Answer answer = client.get("auditor", "/api/agreements/" + agreementId + "/certificate");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        AgreementCertificate certificate = CanonicalJson.read(answer.text().getBytes(StandardCharsets.UTF_8),
                AgreementCertificate.class);
        assertThat(certificate.signerKeyEvents()).extracting(logged -> logged.event().type())
                .containsExactly("SignerKeyRegistered", "SignerKeyApproved");
        CertificateCheck check = CertificateVerifier.verify(certificate, logKey, null);
        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.signatures()).extracting(SignatureVerdict::assurance)
                .containsExactly(SignatureAssurance.SIGNER_KEY, SignatureAssurance.ACCOUNT);
        assertThat(check.signatures().get(0).line()).contains(xju.keyId(), "the certifier's account 'certifier'",
                "the signature verifies");
    }

    @Test
    void theCertifyingAuthoritysOwnKeyCertifiesAndRevokesCheckedAtTheDoorAndOffline() throws Exception {
        SignerKeyHolder authority = new SignerKeyHolder(client, "certifier", AUTHORITY).approved();
        String id = fullySigned("1000.00");
        String toCertify = authority.intent(id, "certify", "2024-09-02");
        Map<String, Object> certification = Map.of("certificateNo", "XJ-KEY-1", "certifiedOn", "2024-09-02",
                "signature", authority.signatureOf(toCertify));

        Answer certified = client.post("certifier", "/api/agreements/" + id + "/certification", certification);

        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        assertThat(certified.body().get("status").asText()).isEqualTo("CERTIFIED");
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementCertified'", byte[].class, id), StandardCharsets.UTF_8))
                .contains("\"intent\":\"" + toCertify + "\"");
        Map<String, Object> withCertifyIntent = Map.of("revokedOn", "2024-09-03",
                "signature", authority.signatureOf(authority.intent(id, "certify", "2024-09-03")));
        Answer mismatched = client.post("certifier", "/api/agreements/" + id + "/certification/revocation",
                withCertifyIntent);
        assertThat(mismatched.status()).as(mismatched.text()).isEqualTo(422);
        assertThat(mismatched.body().get("type").asText()).endsWith("intent-mismatch");
        Answer revoked = client.post("certifier", "/api/agreements/" + id + "/certification/revocation",
                Map.of("revokedOn", "2024-09-03", "signature",
                        authority.signatureOf(authority.intent(id, "revoke", "2024-09-03"))));
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);

        NoteVerifier logKey = NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body()
                .get("verifierKey").asText());
        AgreementCertificate certificate = CanonicalJson.read(client.get("auditor", "/api/agreements/" + id
                + "/certificate").text().getBytes(StandardCharsets.UTF_8), AgreementCertificate.class);
        CertificateCheck check = CertificateVerifier.verify(certificate, logKey, null);
        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.signatures()).extracting(SignatureVerdict::line).satisfiesExactly(
                xjuSigned -> assertThat(xjuSigned).contains("sign by " + Agreements.XJU, "account"),
                kbtuSigned -> assertThat(kbtuSigned).contains("sign by " + Agreements.KBTU, "account"),
                byKey -> assertThat(byKey).contains("certify by " + AUTHORITY, "signer-key " + authority.keyId()),
                revokedByKey -> assertThat(revokedByKey).contains("revoke by " + AUTHORITY, "the signature verifies"));
    }

    @Test
    void onlyTheCertifierAsksForTheAuthoritysIntentsAndOnlyToCertifyOrRevoke() {
        String intents = "/api/agreements/" + agreementId + "/signing-intent?keyId=" + xju.keyId() + "&date=" + DATE;

        assertThat(client.get("signatory-xju", intents + "&partyId=" + AUTHORITY + "&action=certify").body()
                .get("type").asText()).endsWith("party-not-yours");
        assertThat(client.get("certifier", intents + "&partyId=" + AUTHORITY + "&action=sign").body()
                .get("type").asText()).endsWith("invalid-parameter");
        assertThat(client.get("certifier", intents + "&partyId=" + Agreements.XJU + "&action=certify").body()
                .get("type").asText()).endsWith("invalid-parameter");
        assertThat(client.get("signatory-xju", intents + "&partyId=" + Agreements.XJU + "&action=revoke").body()
                .get("type").asText()).endsWith("invalid-parameter");
    }

    @Test
    void aSignatureWithoutAKeyIsStillAnAccountsAndStoredAsBefore() {
        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", DATE));

        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementSigned'", byte[].class, agreementId), StandardCharsets.UTF_8))
                .doesNotContain("signature");
        assertThat(assuranceOfTheSignatureIn(agreementId)).isEqualTo("account");
    }

    @Test
    void everyRefusalHasItsOwnCodeWritesNothingAndLeavesTheIntentUnused() {
        String intent = intent(xju, DATE);
        long events = eventCount();

        SignerKeyHolder other = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU);
        assertRefused(signed(DATE, xju.signature(intent, other.sign(intent))), "signature-invalid");
        assertRefused(signed(DATE, xju.signature(intent, "not base64url!")), "signature-invalid");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(intent), StandardCharsets.UTF_8).replace(DATE, "2024-08-23")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(signed(DATE, xju.signatureOf(tampered)), "intent-mismatch");
        assertRefused(signed("2024-08-23", xju.signatureOf(intent)), "intent-mismatch");
        assertRefused(signed(DATE, xju.signatureOf("e30")), "intent-mismatch");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(intentUsed(intent)).isFalse();

        jdbc.update("UPDATE signing_intent SET expires_at = now() - interval '1 second' WHERE intent = ?",
                (Object) Base64.getUrlDecoder().decode(intent));
        assertRefused(signed(DATE, xju.signatureOf(intent)), "intent-expired");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSignatureOverTermsThatDifferByOneDigitIsRefused() {
        String intent = intent(xju, DATE);
        String termsHere = termsHashOf(agreementId);
        String termsOneDigitOff = termsHashOf(propose("1000.01"));
        assertThat(termsOneDigitOff).isNotEqualTo(termsHere);
        String overOtherTerms = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(intent), StandardCharsets.UTF_8).replace(termsHere, termsOneDigitOff)
                .getBytes(StandardCharsets.UTF_8));
        long events = eventCount();

        assertRefused(signed(DATE, xju.signatureOf(overOtherTerms)), "intent-mismatch");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(intentUsed(intent)).isFalse();
    }

    @Test
    void aKeyMustBeThePartysApprovedAndNotRevoked() {
        SignerKeyHolder pending = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).registered();
        assertRefused(signed(DATE, pending.signatureOf(intent(pending, DATE))), "signer-key-not-approved");

        SignerKeyHolder unknown = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU);
        assertRefused(signed(DATE, unknown.signatureOf(intent(unknown, DATE))), "signer-key-unknown");

        String intent = intent(xju, DATE);
        assertThat(client.post("signatory-xju", xju.registry() + "/" + xju.keyId() + "/revocation", Map.of())
                .status()).isEqualTo(200);
        assertRefused(signed(DATE, xju.signatureOf(intent)), "signer-key-revoked");
    }

    @Test
    void anIntentIsUsedOnceAndACommandRefusedAfterTheCheckLeavesItUnused() {
        String early = intent(xju, "2024-08-01");
        Answer beforeTheProposal = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                signed("2024-08-01", xju.signatureOf(early)));
        assertThat(beforeTheProposal.status()).as("the ledger's own rule: " + beforeTheProposal.text())
                .isEqualTo(422);
        assertThat(intentUsed(early)).as("left unused by the refused command").isFalse();

        Map<String, Object> body = signed(DATE, xju.signatureOf(intent(xju, DATE)));
        assertThat(client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures", body).status())
                .isEqualTo(200);
        assertRefused(body, "intent-replayed");
    }

    @Test
    void aDeclineIsSignedWithAnIntentToDeclineAndNotWithOneToSign() {
        Map<String, Object> withSignIntent = signed(DATE, xju.signatureOf(intent(xju, DATE)));
        withSignIntent.put("declinedOn", withSignIntent.remove("signedOn"));
        Answer refused = client.post("signatory-xju", "/api/agreements/" + agreementId + "/declines", withSignIntent);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().get("type").asText()).endsWith("intent-mismatch");

        String toDecline = xju.intent(agreementId, "decline", DATE);
        Map<String, Object> body = signed(DATE, xju.signatureOf(toDecline));
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

    private String intent(SignerKeyHolder signer, String date) {
        return signer.intent(agreementId, "sign", date);
    }

    /** The terms hash of an agreement's proposal as stored. */
    private String termsHashOf(String id) {
        return AgreementTerms.ofStoredProposal(jdbc.queryForObject("SELECT payload FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", byte[].class, id)).hash();
    }

    /** The assurance level the audit trail shows on the agreement's signature. */
    private String assuranceOfTheSignatureIn(String id) {
        JsonNode history = client.get("auditor", "/api/agreements/" + id + "/history").body();
        JsonNode signed = null;
        for (JsonNode event : history.get("events")) {
            assertThat(event.get("assurance").isNull()).as("only a signature has a level: " + event)
                    .isEqualTo(!event.get("type").asText().equals("AgreementSigned"));
            if (event.get("type").asText().equals("AgreementSigned")) {
                signed = event;
            }
        }
        assertThat(signed).as(history.toString()).isNotNull();
        return signed.get("assurance").asText();
    }

    private boolean intentUsed(String intent) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT used_at IS NOT NULL FROM signing_intent WHERE nonce = ?",
                Boolean.class, SigningIntent.parse(Base64.getUrlDecoder().decode(intent)).nonce()));
    }

    private static Map<String, Object> signed(String date, Map<String, Object> signature) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyId", Agreements.XJU);
        body.put("signedOn", date);
        body.put("signature", signature);
        return body;
    }
}
