package org.agreementledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.checkpoint.NoteSigner;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.KeyApprovalIntent;
import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.SigningAction;
import org.agreementledger.ledger.signing.SigningIntent;
import org.agreementledger.ledger.signing.TestPasskey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate's signatures by a party's own key, checked offline against the key's events in the
 * log. The ledgers here are written as whoever runs the ledger could write them, with every hash,
 * attestation and checkpoint in order: only the parties' keys are out of their reach.
 */
class SignaturesInCertificatesTest {

    private static final String ORIGIN = "ledger.test/log";
    private static final String A = "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11";
    private static final String XJU = "CN-URUMQI-XJU";
    private static final String KBTU = "KZ-ALMATY-KBTU";
    private static final String DAY = "2024-08-22";
    private static final KeyPair LOG_KEY = TestLedger.ed25519KeyPair();
    private static final NoteSigner LOG_SIGNER = new NoteSigner(ORIGIN, LOG_KEY);

    private final KeyPair xjuKey = TestLedger.ed25519KeyPair();
    private final String xjuKeyId = Ed25519PublicKey.of(xjuKey.getPublic()).keyId();
    private TestLedger ledger;
    private String termsHash;

    /** A new ledger holding the agreement's proposal. */
    @BeforeEach
    void aProposal() {
        ledger = new TestLedger();
        ledger.attestWith(EventAttestation.ofLogKey(LOG_KEY));
        String proposal = CanonicalJson.write(JsonNodeFactory.instance.objectNode()
                .put("agreementId", A).put("title", "Joint laboratory").put("kind", "TECHNOLOGY")
                .put("sector", "SMART_TECHNOLOGY").put("occasion", "Urumqi 2024").put("proposedOn", "2024-08-20")
                .<ObjectNode>set("value", JsonNodeFactory.instance.objectNode().put("amount", "1000.00")
                        .put("currency", "CNY"))
                .set("parties", JsonNodeFactory.instance.arrayNode()
                        .add(JsonNodeFactory.instance.objectNode().put("partyId", XJU))
                        .add(JsonNodeFactory.instance.objectNode().put("partyId", KBTU))));
        termsHash = AgreementTerms.ofStoredProposal(proposal.getBytes(StandardCharsets.UTF_8)).hash();
        ledger.append(A, "Agreement", AgreementProposed.class.getName(), proposal);
    }

    @Test
    void aSignatureByThePartysApprovedKeyHoldsAndAnAccountsIsSaidToBeOne() {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        signWith(xjuKey, xjuKeyId, XJU, intentFor(xjuKeyId, XJU));
        signByAccount(KBTU);

        CertificateCheck check = verify(Set.of(xjuKeyId));

        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.summary()).contains("3 events and 2 events of the keys that signed",
                "2 signed acts: 1 with the signer's own key", "1 by an account only");
        assertThat(check.signatures()).extracting(SignatureVerdict::assurance)
                .containsExactly(SignatureAssurance.SIGNER_KEY, SignatureAssurance.ACCOUNT);
        assertThat(check.signatures().get(0).line()).contains("sign by " + XJU + " on " + DAY, "signer-key " + xjuKeyId,
                "approved at leaf 2 by the certifier's account 'certifier'", "the signature verifies");
        assertThat(check.signatures().get(1).line()).contains("sign by " + KBTU, "account",
                "an authenticated request by 'registrar' only");
    }

    @Test
    void theVerifierPrintsEachActsPartyLevelKeyAndVerdict(@TempDir Path directory) throws Exception {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        signWith(xjuKey, xjuKeyId, XJU, intentFor(xjuKeyId, XJU));
        signByAccount(KBTU);
        Path certificate = directory.resolve("certificate.json");
        Files.writeString(certificate, new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(new TestLog(LOG_SIGNER).integrate(ledger.events())
                        .certificateOf(A, Set.of(xjuKeyId), ledger.events(), null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = CertificateVerifier.run(new String[]{"--key", LOG_SIGNER.verifier().verifierKey(),
                certificate.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("VALID: "))
                .satisfies(lines -> assertThat(lines.get(1)).contains("event 1: sign by " + XJU, "signer-key " + xjuKeyId))
                .satisfies(lines -> assertThat(lines.get(2)).contains("event 2: sign by " + KBTU, "account"));
    }

    @Test
    void aTamperedIntentDoesNotHold() {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        String signed = intentFor(xjuKeyId, XJU);
        String tampered = encode(new String(Base64.getUrlDecoder().decode(signed), StandardCharsets.UTF_8)
                .replace(termsHash, termsHash.substring(0, 63) + (termsHash.endsWith("0") ? "1" : "0")));
        signWith(xjuKeyId, XJU, tampered, sign(xjuKey, signed));

        assertDoesNotHold(Set.of(xjuKeyId), "over terms");
    }

    @Test
    void aSignatureOverAnotherIntentThanTheOneStoredDoesNotHold() {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        signWith(xjuKeyId, XJU, intentFor(xjuKeyId, XJU), sign(xjuKey, encode("another text")));

        assertDoesNotHold(Set.of(xjuKeyId), "the signature is not key " + xjuKeyId + "'s over the intent");
    }

    @Test
    void aSignatureByAnotherPartysKeyDoesNotHold() {
        register(xjuKeyId, xjuKey, KBTU);
        approveByCertifier(xjuKeyId, KBTU);
        signWith(xjuKey, xjuKeyId, XJU, intentFor(xjuKeyId, XJU));

        assertDoesNotHold(Set.of(xjuKeyId), "key " + xjuKeyId + " is party " + KBTU + "'s, not " + XJU + "'s");
    }

    @Test
    void aKeyApprovedAfterTheSignatureDoesNotHold() {
        register(xjuKeyId, xjuKey, XJU);
        signWith(xjuKey, xjuKeyId, XJU, intentFor(xjuKeyId, XJU));
        approveByCertifier(xjuKeyId, XJU);

        assertDoesNotHold(Set.of(xjuKeyId), "approved at leaf 3, not before leaf 2");
    }

    @Test
    void aKeyRevokedBeforeTheSignatureDoesNotHold() {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        ledger.append(xjuKeyId, "SignerKey", SignerKeyRevoked.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("keyId", xjuKeyId).put("partyId", XJU)
                        .put("reason", "lost").put("revokedBy", "signatory-xju")));
        signWith(xjuKey, xjuKeyId, XJU, intentFor(xjuKeyId, XJU));

        assertDoesNotHold(Set.of(xjuKeyId), "revoked at leaf 3, before leaf 4");
    }

    @Test
    void aCertificateWithoutTheKeysEventsDoesNotHold() {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        signWith(xjuKey, xjuKeyId, XJU, intentFor(xjuKeyId, XJU));

        assertDoesNotHold(Set.of(), "the certificate holds no events of key " + xjuKeyId);
    }

    @Test
    void aKeyApprovedByAnotherKeyOfThePartyHoldsWhenThatKeyDidAndNotWhenItsSignatureIsForged() {
        KeyPair laptop = TestLedger.ed25519KeyPair();
        String laptopId = Ed25519PublicKey.of(laptop.getPublic()).keyId();
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        register(laptopId, laptop, XJU);
        String approval = encode(new KeyApprovalIntent(ORIGIN, XJU, xjuKeyId, laptopId, publicKey(laptop), "bm9uY2U",
                Instant.parse("2024-08-22T05:00:00Z")).bytes());
        approveWithKey(laptopId, XJU, xjuKeyId, approval, sign(xjuKey, approval));
        signWith(laptop, laptopId, XJU, intentFor(laptopId, XJU));

        CertificateCheck check = verify(Set.of(laptopId, xjuKeyId));

        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.signatures().get(0).line()).contains("with the signer's key " + xjuKeyId);

        aProposal();
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        register(laptopId, laptop, XJU);
        approveWithKey(laptopId, XJU, xjuKeyId, approval, sign(laptop, approval));
        signWith(laptop, laptopId, XJU, intentFor(laptopId, XJU));

        assertDoesNotHold(Set.of(laptopId, xjuKeyId), "approval does not hold: the signature is not key " + xjuKeyId + "'s over the intent");
    }

    @Test
    void aPasskeysAssertionOverTheIntentsDigestHoldsOfflineAndABareSignatureByItDoesNot() {
        TestPasskey passkey = TestPasskey.es256("xju-laptop");
        registerPasskey(passkey);
        approveByCertifier(passkey.keyId(), XJU);
        byte[] intent = Base64.getUrlDecoder().decode(intentFor(passkey.keyId(), XJU));
        SignerKeySignature assertion = passkey.assertIntent(intent).signatureFor(passkey.keyId(), intent);
        signWith(passkey.keyId(), XJU, assertion.intent(), assertion.value(), assertion.authenticatorData(),
                assertion.clientDataJSON());

        CertificateCheck check = verify(Set.of(passkey.keyId()));

        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.signatures().get(0).line()).contains("signer-key " + passkey.keyId(), "the signature verifies");

        aProposal();
        registerPasskey(passkey);
        approveByCertifier(passkey.keyId(), XJU);
        signWith(passkey.keyId(), XJU, assertion.intent(), assertion.value());

        assertDoesNotHold(Set.of(passkey.keyId()), "is a passkey, and the signature carries no assertion");
    }

    @Test
    void anApprovalRecordedAfterItsIntentLapsedDoesNotHold() {
        KeyPair laptop = TestLedger.ed25519KeyPair();
        String laptopId = Ed25519PublicKey.of(laptop.getPublic()).keyId();
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        register(laptopId, laptop, XJU);
        String lapsed = encode(new KeyApprovalIntent(ORIGIN, XJU, xjuKeyId, laptopId, publicKey(laptop), "bm9uY2U",
                Instant.parse("2024-08-22T03:00:00Z")).bytes());
        approveWithKey(laptopId, XJU, xjuKeyId, lapsed, sign(xjuKey, lapsed));
        signWith(laptop, laptopId, XJU, intentFor(laptopId, XJU));

        assertDoesNotHold(Set.of(laptopId, xjuKeyId), "after its approval intent lapsed at 2024-08-22T03:00:00Z");
    }

    @Test
    void aCertificationSignedForAPartyOfTheAgreementDoesNotHold() {
        register(xjuKeyId, xjuKey, XJU);
        approveByCertifier(xjuKeyId, XJU);
        String intent = encode(new SigningIntent(ORIGIN, UUID.fromString(A), termsHash, SigningAction.CERTIFY, XJU,
                LocalDate.parse(DAY), xjuKeyId, "bm9uY2U", Instant.parse("2024-08-22T05:00:00Z")).bytes());
        ledger.append(A, "Agreement", AgreementCertified.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("agreementId", A).put("certificateNo", "XJ-1")
                        .put("certifiedOn", DAY).set("signature", signature(xjuKeyId, intent, sign(xjuKey, intent)))));

        assertDoesNotHold(Set.of(xjuKeyId), "the certifying authority's act is signed for " + XJU);
    }

    @Test
    void aSignedActWhosePayloadDoesNotReadOrWhoseSignatureIsMalformedDoesNotHold() {
        ledger.append(A, "Agreement", AgreementSigned.class.getName(), "{\"partyId\":[1]}");

        assertDoesNotHold(Set.of(), "its payload does not read as AgreementSigned");

        aProposal();
        ledger.append(A, "Agreement", AgreementSigned.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("agreementId", A).put("partyId", XJU).put("signedOn", DAY)
                        .set("signature", JsonNodeFactory.instance.objectNode().put("keyId", xjuKeyId))));

        CertificateCheck check = verify(Set.of());
        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("malformed");
    }

    private void assertDoesNotHold(Set<String> keyIds, String reason) {
        CertificateCheck check = verify(keyIds);

        assertThat(check.valid()).as(check.summary()).isFalse();
        assertThat(check.summary()).contains("a signature does not hold", "DOES NOT HOLD", reason);
    }

    private CertificateCheck verify(Set<String> keyIds) {
        TestLog log = new TestLog(LOG_SIGNER).integrate(ledger.events());
        return CertificateVerifier.verify(log.certificateOf(A, keyIds, ledger.events(), null), LOG_SIGNER.verifier(),
                null);
    }

    private String intentFor(String keyId, String partyId) {
        return encode(new SigningIntent(ORIGIN, UUID.fromString(A), termsHash, SigningAction.SIGN, partyId,
                LocalDate.parse(DAY), keyId, "bm9uY2U" + partyId.length(), Instant.parse("2024-08-22T05:00:00Z"))
                .bytes());
    }

    private void register(String keyId, KeyPair key, String partyId) {
        ledger.append(keyId, "SignerKey", SignerKeyRegistered.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("algorithm", "Ed25519").put("keyId", keyId)
                        .put("partyId", partyId).put("publicKey", publicKey(key)).put("registeredBy", "signatory")));
    }

    private void registerPasskey(TestPasskey passkey) {
        ledger.append(passkey.keyId(), "SignerKey", SignerKeyRegistered.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("algorithm", "WebAuthn").put("credentialId",
                        passkey.credentialId()).put("keyId", passkey.keyId()).put("partyId", XJU)
                        .put("publicKey", passkey.spkiBase64()).put("registeredBy", "signatory")
                        .put("rpId", TestPasskey.RP_ID)));
    }

    private void approveByCertifier(String keyId, String partyId) {
        ledger.append(keyId, "SignerKey", SignerKeyApproved.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("approvedBy", "certifier").put("keyId", keyId)
                        .put("partyId", partyId)));
    }

    private void approveWithKey(String keyId, String partyId, String approverId, String intent, String value) {
        ledger.append(keyId, "SignerKey", SignerKeyApproved.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("approvedBy", "signatory").put("keyId", keyId)
                        .put("partyId", partyId).set("signature", signature(approverId, intent, value))));
    }

    private void signWith(KeyPair key, String keyId, String partyId, String intent) {
        signWith(keyId, partyId, intent, sign(key, intent));
    }

    private void signWith(String keyId, String partyId, String intent, String value) {
        ledger.append(A, "Agreement", AgreementSigned.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("agreementId", A).put("partyId", partyId)
                        .put("signedOn", DAY).set("signature", signature(keyId, intent, value))));
    }

    private void signWith(String keyId, String partyId, String intent, String value, String authenticatorData,
                          String clientDataJSON) {
        ledger.append(A, "Agreement", AgreementSigned.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("agreementId", A).put("partyId", partyId)
                        .put("signedOn", DAY).set("signature", signature(keyId, intent, value)
                                .put("authenticatorData", authenticatorData).put("clientDataJSON", clientDataJSON))));
    }

    private void signByAccount(String partyId) {
        ledger.append(A, "Agreement", AgreementSigned.class.getName(), CanonicalJson.write(
                JsonNodeFactory.instance.objectNode().put("agreementId", A).put("partyId", partyId)
                        .put("signedOn", DAY)));
    }

    private static ObjectNode signature(String keyId, String intent, String value) {
        return JsonNodeFactory.instance.objectNode().put("intent", intent).put("keyId", keyId).put("value", value);
    }

    private static String sign(KeyPair key, String encodedIntent) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(Base64.getUrlDecoder().decode(encodedIntent));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static String publicKey(KeyPair key) {
        return Base64.getEncoder().encodeToString(Ed25519PublicKey.of(key.getPublic()).raw());
    }

    private static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
