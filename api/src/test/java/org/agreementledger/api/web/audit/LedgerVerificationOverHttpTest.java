package org.agreementledger.api.web.audit;

import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.CertificateCheck;
import org.agreementledger.ledger.audit.CertificateVerifier;
import org.agreementledger.ledger.audit.ChainHead;
import org.agreementledger.ledger.audit.LedgerDigest;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.projections.audit.ScheduledDigestRecording;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification, ledger digests and certificates over HTTP, on a ledger nobody tampered with. */
class LedgerVerificationOverHttpTest extends HttpContractTest {

    @Autowired
    ScheduledDigestRecording scheduledDigestRecording;
    @Autowired
    MerkleLogIntegrator integrator;

    private long lastPosition() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    /** The chain heads as of a position, worked out here from every row rather than by the service's query. */
    private List<ChainHead> chainHeadsThrough(long position) {
        Map<String, ChainHead> heads = new HashMap<>();
        jdbc.query("""
                        SELECT aggregate_identifier, sequence_number, convert_from(meta_data, 'UTF8')::jsonb ->> 'hash'
                        FROM domain_event_entry WHERE global_index <= ?""",
                (RowCallbackHandler) row -> heads.merge(row.getString(1),
                        new ChainHead(row.getString(1), row.getLong(2), row.getString(3)),
                        (one, other) -> one.sequenceNumber() > other.sequenceNumber() ? one : other),
                position);
        return List.copyOf(heads.values());
    }

    @Test
    void theLedgerIsIntactAfterANormalLifecycle() {
        String id = fullySigned("12500000.00");
        client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "XJ-2024-0002", "certifiedOn", "2024-09-02"));
        client.post("certifier", "/api/agreements/" + id + "/certification/revocation",
                Map.of("revokedOn", "2024-09-03", "reason", "issued in error"));
        integrator.integrate();

        Answer verified = client.get("auditor", "/api/ledger/verify");

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("intact").asBoolean()).as(verified.text()).isTrue();
        assertThat(verified.body().get("firstMismatch").isNull()).isTrue();
        long last = lastPosition();
        assertThat(verified.body().get("throughPosition").asLong()).isEqualTo(last);
        assertThat(verified.body().get("eventsChecked").asLong()).isEqualTo(eventCount());
        assertThat(verified.body().get("chainsChecked").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry", Long.class));
        assertThat(verified.body().get("currentDigest").asText()).isEqualTo(LedgerDigest.of(chainHeadsThrough(last)));
        assertThat(verified.body().get("leavesChecked").asLong()).isEqualTo(eventCount())
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class));
        assertThat(verified.body().get("checkpointsChecked").asInt()).isPositive();
    }

    @Test
    void aDigestIsRecordedOnDemandOncePerPositionAndVerificationRecomputesIt() {
        fullySigned("300000.00");
        long last = lastPosition();

        Answer recorded = client.post("auditor", "/api/ledger/digests", Map.of());
        Answer again = client.post("admin", "/api/ledger/digests", Map.of());

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body().get("coversThroughPosition").asLong()).isEqualTo(last);
        List<ChainHead> heads = chainHeadsThrough(last);
        assertThat(recorded.body().get("chainCount").asInt()).isEqualTo(heads.size());
        assertThat(recorded.body().get("digest").asText()).isEqualTo(LedgerDigest.of(heads));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(recorded.body().get("id").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_digest WHERE covers_through_position = ?",
                Integer.class, last)).isEqualTo(1);

        Answer verified = client.get("auditor", "/api/ledger/verify");
        assertThat(verified.body().get("intact").asBoolean()).as(verified.text()).isTrue();
        assertThat(verified.body().get("digestsChecked").asInt()).isEqualTo(
                jdbc.queryForObject("SELECT count(*) FROM ledger_digest", Integer.class));
        assertThat(verified.body().get("currentDigest").asText()).isEqualTo(recorded.body().get("digest").asText());
    }

    @Test
    void theScheduledRecordingRecordsADigestWhenTheLedgerHasMovedAndOnlyThen() {
        fullySigned("400000.00");
        long last = lastPosition();

        scheduledDigestRecording.recordIfTheLedgerMoved();
        int digests = jdbc.queryForObject("SELECT count(*) FROM ledger_digest", Integer.class);
        scheduledDigestRecording.recordIfTheLedgerMoved();

        assertThat(jdbc.queryForObject("SELECT digest FROM ledger_digest WHERE covers_through_position = ?",
                String.class, last)).isEqualTo(LedgerDigest.of(chainHeadsThrough(last)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_digest", Integer.class)).isEqualTo(digests);
    }

    @Test
    void aCertificateVerifiesOfflineAgainstTheLogsKeyAndFailsOnceItsContentIsChanged() throws IOException {
        String id = fullySigned("670000000.00");
        NoteVerifier logKey = NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body()
                .get("verifierKey").asText());

        Answer answer = client.get("auditor", "/api/agreements/" + id + "/certificate");

        assertThat(answer.status()).isEqualTo(200);
        AgreementCertificate certificate = CanonicalJson.read(answer.text().getBytes(StandardCharsets.UTF_8),
                AgreementCertificate.class);
        assertThat(certificate.agreementId()).isEqualTo(id);
        assertThat(certificate.events()).hasSize(4);
        assertThat(certificate.events()).allSatisfy(logged -> assertThat(logged.leafIndex()).isEqualTo(
                jdbc.queryForObject("SELECT leaf_index FROM merkle_leaf WHERE global_index = ?", Long.class,
                        logged.event().globalPosition())));
        CertificateCheck check = CertificateVerifier.verify(certificate, logKey, null);
        assertThat(check.valid()).as(check.summary()).isTrue();

        String tampered = answer.text().replace("670000000.00", "770000000.00");
        CertificateCheck tamperedCheck = CertificateVerifier.verify(CanonicalJson.read(
                tampered.getBytes(StandardCharsets.UTF_8), AgreementCertificate.class), logKey, null);
        assertThat(tamperedCheck.valid()).isFalse();
        assertThat(tamperedCheck.summary()).contains("event 0", "CONTENT_ALTERED");
    }

    @Test
    void aCertificateProvesTheLogExtendsTheCheckpointAnAuditorKept() throws IOException {
        String first = fullySigned("1000.00");
        assertThat(client.get("auditor", "/api/agreements/" + first + "/certificate").status()).isEqualTo(200);
        String saved = client.get("auditor", "/api/ledger/checkpoint").text();
        long savedSize = Long.parseLong(saved.split("\n")[1]);
        NoteVerifier logKey = NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body()
                .get("verifierKey").asText());
        String later = fullySigned("2000.00");

        Answer answer = client.get("auditor", "/api/agreements/" + later + "/certificate?consistentWith=" + savedSize);

        assertThat(answer.status()).isEqualTo(200);
        AgreementCertificate certificate = CanonicalJson.read(answer.text().getBytes(StandardCharsets.UTF_8),
                AgreementCertificate.class);
        assertThat(certificate.consistency().fromTreeSize()).isEqualTo(savedSize);
        assertThat(certificate.consistency().toTreeSize()).isGreaterThan(savedSize);
        CertificateCheck check = CertificateVerifier.verify(certificate, logKey, saved);
        assertThat(check.valid()).as(check.summary()).isTrue();
        assertThat(check.summary()).contains("extends the checkpoint you saved, of size " + savedSize);

        Answer beyond = client.get("auditor", "/api/agreements/" + later + "/certificate?consistentWith="
                + (certificate.consistency().toTreeSize() + 1000));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body().get("errors").get(0).get("field").asText()).isEqualTo("consistentWith");
        assertThat(client.get("auditor", "/api/agreements/" + UUID.randomUUID() + "/certificate").status())
                .isEqualTo(404);
    }
}
