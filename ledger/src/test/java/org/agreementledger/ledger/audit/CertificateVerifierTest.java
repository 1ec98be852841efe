package org.agreementledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.checkpoint.NoteSigner;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateVerifierTest {

    private static final String A = "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11";
    private static final String B = "9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final KeyPair LOG_KEY = TestLedger.ed25519KeyPair();
    private static final NoteSigner LOG_SIGNER = new NoteSigner("ledger.test/log", LOG_KEY);
    private static final NoteVerifier TRUSTED = LOG_SIGNER.verifier();

    private TestLedger ledger;
    private TestLog log;
    private String savedCheckpoint;
    private AgreementCertificate certificate;

    @BeforeEach
    void aCertificateForAgreementAIssuedAfterTheAuditorSavedACheckpoint() {
        ledger = new TestLedger();
        ledger.attestWith(EventAttestation.ofLogKey(LOG_KEY));
        ledger.append(A, "Agreement", AgreementProposed.class.getName(),
                "{\"value\":{\"amount\":\"12500000.00\",\"currency\":\"CNY\"},\"ratio\":0.50}");
        ledger.append(B, "{\"value\":{\"amount\":\"300000.00\",\"currency\":\"CNY\"}}");
        log = new TestLog(LOG_SIGNER).integrate(ledger.events());
        savedCheckpoint = log.checkpoints().get(0).note();
        ledger.append(A, "{\"agreementId\":\"" + A + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}");
        ledger.append(B, "{\"partyId\":\"CN-URUMQI-XJU\"}");
        ledger.append(B, "{\"certificateNo\":\"XJ-2024-0001\"}");
        log.integrate(ledger.events().subList(2, 5));
        certificate = log.certificateOf(A, ledger.events(), 2L);
    }

    private static CertificateCheck verify(AgreementCertificate certificate) {
        return CertificateVerifier.verify(certificate, TRUSTED, null);
    }

    private static AgreementCertificate read(String text) throws IOException {
        return CanonicalJson.read(text.getBytes(StandardCharsets.UTF_8), AgreementCertificate.class);
    }

    private AgreementCertificate withEvents(List<LoggedEvent> events) {
        return new AgreementCertificate(certificate.format(), certificate.agreementId(), certificate.issuedAt(), events,
                certificate.signerKeyEvents(), certificate.checkpoint(), certificate.consistency());
    }

    @Test
    void aCertificateAsIssuedIsValidAgainstTheLogsKeyAndTheCheckpointSavedBefore() {
        CertificateCheck check = CertificateVerifier.verify(certificate, TRUSTED, savedCheckpoint);

        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.summary()).contains("2 events", "every hash and link recomputed", "tree of size 5",
                "signed by ledger.test/log", "extends the checkpoint you saved, of size 2");
        assertThat(verify(certificate).valid()).isTrue();
    }

    @Test
    void itsSizeGrowsWithTheAgreementsEventsAndTheLogarithmOfTheLedger() {
        assertThat(certificate.events()).hasSize(2);
        assertThat(certificate.events()).allSatisfy(logged -> assertThat(logged.inclusionProof()).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void anAlteredAmountInAPayloadIsFound() throws IOException {
        CertificateCheck check = verify(read(JSON.writeValueAsString(certificate).replace("12500000.00", "92500000.00")));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 0", "CONTENT_ALTERED");
    }

    @Test
    void anEventRewrittenWithItsHashAndAttestationRecomputedIsNotALeafOfTheSignedTree() {
        PositionedEvent rewritten = TestLedger.sealed(TestLedger.withPayload(ledger.event(1),
                "{\"value\":{\"amount\":\"92500000.00\",\"currency\":\"CNY\"},\"ratio\":0.50}"));
        rewritten = TestLedger.withMetaDataField(rewritten, LedgerMetaData.ATTESTATION,
                EventAttestation.ofLogKey(LOG_KEY).attest(AuditEvent.of(rewritten).hash()));
        List<LoggedEvent> events = new ArrayList<>(certificate.events());
        events.set(0, new LoggedEvent(AuditEvent.of(rewritten), 0, events.get(0).inclusionProof()));

        CertificateCheck check = verify(withEvents(events));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 0", "not a leaf of the checkpoint's tree");
    }

    @Test
    void aTamperedInclusionProofIsFound() {
        List<LoggedEvent> events = new ArrayList<>(certificate.events());
        LoggedEvent signed = events.get(1);
        List<String> proof = new ArrayList<>(signed.inclusionProof());
        byte[] sibling = Base64.getDecoder().decode(proof.get(0));
        sibling[0] ^= 1;
        proof.set(0, Base64.getEncoder().encodeToString(sibling));
        events.set(1, new LoggedEvent(signed.event(), signed.leafIndex(), proof));

        CertificateCheck check = verify(withEvents(events));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 1", "leaf 2", "not a leaf");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotTrusted() {
        AgreementCertificate impostor = new TestLog(new NoteSigner("ledger.test/log", TestLedger.ed25519KeyPair()))
                .integrate(ledger.events()).certificateOf(A, ledger.events(), null);

        CertificateCheck check = verify(impostor);

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("the certificate's checkpoint", "no signature of ledger.test/log");
    }

    @Test
    void aBusinessDateReadOutThatIsNotThePayloadsIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate);
        assertThat(text).contains("\"businessDate\":\"2024-08-22\"");

        CertificateCheck check = verify(read(text.replace("\"businessDate\":\"2024-08-22\"",
                "\"businessDate\":\"2024-08-29\"")));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 1", "businessDate reads 2024-08-29", "2024-08-22");
    }

    @Test
    void anAssuranceReadOutThatIsNotThePayloadsIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate);
        assertThat(text).contains("\"assurance\":\"account\"");

        CertificateCheck check = verify(read(text.replaceFirst("\"assurance\":\"account\"",
                "\"assurance\":\"signer-key\"")));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 1", "assurance reads signer-key", "says account");
    }

    @Test
    void aCertificateIssuedBeforeTheAssuranceReadOutExistedStillVerifies() throws IOException {
        String issuedBefore = JSON.writeValueAsString(certificate).replaceAll("\"assurance\":(null|\"account\"),", "");
        assertThat(issuedBefore).doesNotContain("assurance");

        CertificateCheck check = verify(read(issuedBefore));

        assertThat(check.valid()).as(check.summary()).isTrue();
    }

    @Test
    void aCertificateOfFormat2IssuedBeforePartiesHadKeysStillVerifies() throws IOException {
        String text = JSON.writeValueAsString(certificate);
        assertThat(text).contains("\"format\":\"agreement-ledger-certificate/3\"", "\"signerKeyEvents\":[]")
                .doesNotContain("\"keyEvents\"");
        String format2 = text.replace("agreement-ledger-certificate/3", "agreement-ledger-certificate/2")
                .replace("\"signerKeyEvents\":[],", "");

        CertificateCheck check = verify(read(format2));

        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(verify(read(text.replace("agreement-ledger-certificate/3", "agreement-ledger-certificate/9")))
                .summary()).contains("the format is 'agreement-ledger-certificate/9'");
    }

    @Test
    void anActorReadOutThatIsNotTheMetaDatasIsFound() throws IOException {
        CertificateCheck check = verify(read(JSON.writeValueAsString(certificate)
                .replaceFirst("\"actor\":\"registrar\"", "\"actor\":\"someone-else\"")));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 0", "actor reads someone-else");
    }

    @Test
    void aNumberThatLostItsTrailingZeroIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate);
        assertThat(text).contains("\"ratio\":0.50");

        assertThat(verify(read(text.replace("\"ratio\":0.50", "\"ratio\":0.5"))).valid()).isFalse();
    }

    @Test
    void aLeftOutEventIsFound() {
        CertificateCheck check = verify(withEvents(certificate.events().subList(1, 2)));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("BROKEN_LINK");
    }

    @Test
    void aForeignEventIsFound() {
        List<LoggedEvent> mixed = new ArrayList<>(certificate.events());
        mixed.add(log.certificateOf(B, ledger.events(), null).events().get(2));

        CertificateCheck check = verify(withEvents(mixed));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("belongs to agreement " + B);
    }

    @Test
    void aCertificateWithoutTheConsistencyProofFromTheSavedSizeSaysWhatToAskFor() {
        CertificateCheck check = CertificateVerifier.verify(log.certificateOf(A, ledger.events(), null), TRUSTED,
                savedCheckpoint);

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("?consistentWith=2");
    }

    @Test
    void aLogRewrittenSinceTheSavedCheckpointIsCaughtByTheConsistencyProof() {
        List<PositionedEvent> rewritten = new ArrayList<>(ledger.events().subList(0, 2));
        rewritten.set(1, TestLedger.sealed(TestLedger.withPayload(ledger.event(2),
                "{\"value\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}")));
        String savedFromAnotherHistory = new TestLog(LOG_SIGNER).integrate(rewritten).checkpoints().get(0).note();

        CertificateCheck check = CertificateVerifier.verify(certificate, TRUSTED, savedFromAnotherHistory);

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("does not extend the checkpoint you saved", "the log was rewritten");
    }

    @Test
    void aSavedCheckpointNewerThanTheCertificatesAsksForANewCertificate() {
        AgreementCertificate early = log.certificateOf(A, ledger.events(), null);
        ledger.append(A, "{\"certificateNo\":\"XJ-2024-0002\"}");
        log.integrate(ledger.events().subList(5, 6));

        CertificateCheck check = CertificateVerifier.verify(early, TRUSTED, log.checkpoints().get(2).note());

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("newer than the certificate's", "ask the ledger for the certificate again");
    }

    @Test
    void theCommandLineAnswersZeroForAValidCertificateOneForATamperedOneAndTwoForWhatItCannotRead(
            @TempDir Path directory) throws IOException {
        Path valid = directory.resolve("valid.json");
        Path tampered = directory.resolve("tampered.json");
        Path unreadable = directory.resolve("unreadable.json");
        Path saved = directory.resolve("2.checkpoint");
        String text = JSON.writeValueAsString(certificate);
        Files.writeString(valid, text);
        Files.writeString(tampered, text.replace("KZ-ALMATY-KBTU", "KZ-ASTANA-ENU"));
        Files.writeString(unreadable, "{\"format\": ");
        Files.writeString(saved, savedCheckpoint);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        String key = TRUSTED.verifierKey();

        assertThat(CertificateVerifier.run(new String[]{"--key", key, "--saved-checkpoint", saved.toString(),
                valid.toString()}, print, print)).isZero();
        assertThat(CertificateVerifier.run(new String[]{"--key", key, tampered.toString()}, print, print)).isEqualTo(1);
        assertThat(CertificateVerifier.run(new String[]{"--key", key, unreadable.toString()}, print, print)).isEqualTo(2);
        assertThat(CertificateVerifier.run(new String[]{valid.toString()}, print, print)).as("no key").isEqualTo(2);
        assertThat(CertificateVerifier.run(new String[]{"--key", "not-a-key", valid.toString()}, print, print))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("VALID: agreement " + A, "NOT VALID: event 1",
                "extends the checkpoint you saved");
    }
}
