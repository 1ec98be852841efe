package org.agreementledger.ledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateVerifierTest {

    private static final String A = "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11";
    private static final String B = "9b2e7d10-0c4a-4f5e-8d3b-1e6f2a9c7b44";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestLedger ledger;
    private AgreementCertificate certificate;

    @BeforeEach
    void aCertificateForAgreementA() {
        ledger = new TestLedger();
        ledger.append(A, "{\"value\":{\"amount\":\"12500000.00\",\"currency\":\"CNY\"},\"ratio\":0.50}");
        ledger.append(B, "{\"value\":{\"amount\":\"300000.00\",\"currency\":\"CNY\"}}");
        ledger.append(A, "{\"partyId\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}");
        RecordedDigest digest = ledger.recordDigest();
        certificate = certificateOf(A, eventsOf(A), digest, ledger.heads());
    }

    private List<AuditEvent> eventsOf(String agreementId) {
        return ledger.events().stream()
                .filter(event -> event.event().aggregateIdentifier().equals(agreementId))
                .map(AuditEvent::of)
                .toList();
    }

    private static AgreementCertificate certificateOf(String agreementId, List<AuditEvent> events,
                                                      RecordedDigest digest, List<ChainHead> heads) {
        return new AgreementCertificate(AgreementCertificate.FORMAT, agreementId, Instant.parse("2024-09-01T00:00:00Z"),
                events, digest, heads);
    }

    @Test
    void aCertificateAsIssuedIsValid() {
        CertificateCheck check = CertificateVerifier.verify(certificate);

        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.summary()).contains("2 events", "one of the 2 chain heads", certificate.digest().digest());
    }

    @Test
    void anAlteredAmountInAPayloadIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate).replace("12500000.00", "92500000.00");

        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(
                text.getBytes(StandardCharsets.UTF_8), AgreementCertificate.class));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 0", "CONTENT_ALTERED");
    }

    @Test
    void aBusinessDateReadOutThatIsNotThePayloadsIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate);
        assertThat(text).contains("\"businessDate\":\"2024-08-22\"");

        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(
                text.replace("\"businessDate\":\"2024-08-22\"", "\"businessDate\":\"2024-08-29\"")
                        .getBytes(StandardCharsets.UTF_8), AgreementCertificate.class));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 1", "businessDate reads 2024-08-29", "2024-08-22");
    }

    @Test
    void anActorReadOutThatIsNotTheMetaDatasIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate).replaceFirst("\"actor\":\"registrar\"",
                "\"actor\":\"someone-else\"");

        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(
                text.getBytes(StandardCharsets.UTF_8), AgreementCertificate.class));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("event 0", "actor reads someone-else");
    }

    @Test
    void aNumberThatLostItsTrailingZeroIsFound() throws IOException {
        String text = JSON.writeValueAsString(certificate);
        assertThat(text).contains("\"ratio\":0.50");

        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(
                text.replace("\"ratio\":0.50", "\"ratio\":0.5").getBytes(StandardCharsets.UTF_8),
                AgreementCertificate.class));

        assertThat(check.valid()).isFalse();
    }

    @Test
    void aLeftOutEventIsFound() {
        List<AuditEvent> withoutFirst = eventsOf(A).subList(1, 2);

        CertificateCheck check = CertificateVerifier.verify(
                certificateOf(A, withoutFirst, certificate.digest(), certificate.chainHeads()));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("BROKEN_LINK");
    }

    @Test
    void aForeignEventIsFound() {
        List<AuditEvent> mixed = new ArrayList<>(eventsOf(A));
        mixed.add(eventsOf(B).get(0));

        CertificateCheck check = CertificateVerifier.verify(
                certificateOf(A, mixed, certificate.digest(), certificate.chainHeads()));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("belongs to agreement " + B);
    }

    @Test
    void aHeadThatIsNotAmongTheDigestsHeadsIsFound() {
        List<ChainHead> otherHeads = ledger.heads().stream()
                .map(head -> head.agreementId().equals(A) ? new ChainHead(A, 0, head.hash()) : head)
                .toList();

        CertificateCheck check = CertificateVerifier.verify(certificateOf(A, eventsOf(A), certificate.digest(), otherHeads));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("not among the chain heads");
    }

    @Test
    void headsThatDoNotGiveTheRecordedDigestAreFound() {
        List<ChainHead> forgedHeads = ledger.heads().stream()
                .map(head -> head.agreementId().equals(B) ? new ChainHead(B, 0, "f".repeat(64)) : head)
                .toList();

        CertificateCheck check = CertificateVerifier.verify(certificateOf(A, eventsOf(A), certificate.digest(), forgedHeads));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("give digest", "recorded 2 chains with digest " + certificate.digest().digest());
    }

    @Test
    void aDigestThatDoesNotCoverTheLastEventIsFound() {
        RecordedDigest early = new RecordedDigest(1, 2, 2, certificate.digest().digest(), Instant.now());

        CertificateCheck check = CertificateVerifier.verify(certificateOf(A, eventsOf(A), early, certificate.chainHeads()));

        assertThat(check.valid()).isFalse();
        assertThat(check.summary()).contains("covers positions through 2");
    }

    @Test
    void theCommandLineAnswersZeroForAValidCertificateOneForATamperedOneAndTwoForAnUnreadableFile(
            @TempDir Path directory) throws IOException {
        Path valid = directory.resolve("valid.json");
        Path tampered = directory.resolve("tampered.json");
        Path unreadable = directory.resolve("unreadable.json");
        String text = JSON.writeValueAsString(certificate);
        Files.writeString(valid, text);
        Files.writeString(tampered, text.replace("KZ-ALMATY-KBTU", "KZ-ASTANA-ENU"));
        Files.writeString(unreadable, "{\"format\": ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(CertificateVerifier.run(new String[]{valid.toString()}, print, print)).isZero();
        assertThat(CertificateVerifier.run(new String[]{tampered.toString()}, print, print)).isEqualTo(1);
        assertThat(CertificateVerifier.run(new String[]{unreadable.toString()}, print, print)).isEqualTo(2);
        assertThat(CertificateVerifier.run(new String[]{}, print, print)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("VALID: agreement " + A, "NOT VALID: event 1");
    }
}
