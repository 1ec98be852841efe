package org.agreementledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.checkpoint.NoteSigner;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.SigningAction;
import org.agreementledger.ledger.signing.SigningIntent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-contained verifier jar as an auditor runs it, in a JVM of its own with nothing else on
 * its class path: every class a certificate check reads must be packed in it, trusting the log key given.
 */
class CertificateVerifierJarIT {

    private static final String AGREEMENT = "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path directory;
    private String certificate;
    private String verifierKey;

    @BeforeEach
    void anAttestedCertificate() throws IOException {
        KeyPair logKey = TestLedger.ed25519KeyPair();
        NoteSigner signer = new NoteSigner("ledger.test/log", logKey);
        verifierKey = signer.verifier().verifierKey();
        TestLedger ledger = new TestLedger();
        ledger.attestWith(EventAttestation.ofLogKey(logKey));
        ledger.append(AGREEMENT, "Agreement", AgreementProposed.class.getName(),
                "{\"value\":{\"amount\":\"12500000.00\",\"currency\":\"CNY\"}}");
        ledger.append("9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44", "{\"value\":{\"amount\":\"1.00\",\"currency\":\"CNY\"}}");
        ledger.append(AGREEMENT, "{\"agreementId\":\"" + AGREEMENT
                + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}");
        certificate = JSON.writeValueAsString(new TestLog(signer).integrate(ledger.events())
                .certificateOf(AGREEMENT, ledger.events(), null));
        assertThat(certificate).as("the signature's business date is read out").contains("\"businessDate\":\"2024-08-22\"");
    }

    @Test
    void aCertificateAsIssuedIsValid() throws Exception {
        Verdict verdict = runJar(certificate);

        assertThat(verdict.exitStatus()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VALID: agreement " + AGREEMENT + ": 2 events");
    }

    @Test
    void anAlteredCertificateIsNotValid() throws Exception {
        Verdict verdict = runJar(certificate.replace("12500000.00", "92500000.00"));

        assertThat(verdict.exitStatus()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("NOT VALID: event 0").contains("CONTENT_ALTERED");
    }

    /** What an API client does with the jar alone: makes its key, then signs an intent the ledger issued. */
    @Test
    void aPartysKeyIsMadeAndAnIntentSignedWithTheJarAlone() throws Exception {
        Path keyFile = directory.resolve("party.pem");
        Verdict keygen = runJar("keygen", keyFile.toString());
        assertThat(keygen.exitStatus()).as(keygen.output()).isZero();
        Ed25519PublicKey key = Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(keygen.output().lines()
                .filter(line -> line.startsWith("publicKey ")).findFirst().orElseThrow().substring(10)));
        SigningIntent intent = new SigningIntent("ledger.test/log", UUID.fromString(AGREEMENT), "ef".repeat(32),
                SigningAction.SIGN, "KZ-ALMATY-KBTU", LocalDate.parse("2024-08-22"), key.keyId(), "bm9uY2U",
                Instant.now().plusSeconds(600));

        Verdict signed = runJar("sign", keyFile.toString(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(intent.bytes()));

        assertThat(signed.exitStatus()).as(signed.output()).isZero();
        String signature = signed.output().lines().filter(line -> !line.startsWith("signing: ")).findFirst()
                .orElseThrow();
        assertThat(key.verifies(intent.bytes(), Base64.getUrlDecoder().decode(signature))).isTrue();
    }

    private Verdict runJar(String certificateJson) throws Exception {
        Path file = Files.writeString(directory.resolve("certificate.json"), certificateJson);
        return runJar("--key", verifierKey, file.toString());
    }

    private static Verdict runJar(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("verifier.jar"));
        assertThat(jar).as("the verifier jar is built before integration tests run").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Verdict(process.waitFor(), output);
    }

    private record Verdict(int exitStatus, String output) {
    }
}
