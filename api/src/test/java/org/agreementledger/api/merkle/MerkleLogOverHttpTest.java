package org.agreementledger.api.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSide;
import org.agreementledger.ledger.checkpoint.Checkpoint;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.merkle.MerkleHash;
import org.agreementledger.ledger.merkle.MerkleProofs;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.merkle.LogCheckpoints;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an auditor does with the log over HTTP: fetch the public key and a signed checkpoint (no
 * credentials needed), check the signature, and check an event's inclusion proof and a consistency
 * proof from an earlier checkpoint against the signed roots.
 */
class MerkleLogOverHttpTest extends HttpContractTest {

    @Autowired
    MerkleLogIntegrator integrator;
    @Autowired
    LedgerHorizon horizon;
    @Autowired
    LogCheckpoints checkpoints;

    @Test
    void aSignedCheckpointAndProofsAgainstItHold() throws Exception {
        String id = fullySigned("5.00");
        Checkpoint earlier = checkpointAfterIntegrating();
        fullySigned("6.00");
        Checkpoint latest = checkpointAfterIntegrating();
        assertThat(latest.size()).isGreaterThan(earlier.size());

        JsonNode history = client.get("auditor", "/api/agreements/" + id + "/history").body();
        JsonNode signature = history.get("events").get(1);
        long position = signature.get("globalPosition").asLong();
        JsonNode inclusion = client.get("auditor", "/api/ledger/proofs/inclusion?position=" + position).body();
        byte[] leafHash = MerkleHash.leaf(HexFormat.of().parseHex(signature.get("hash").asText()));
        assertThat(base64(inclusion.get("leafHash"))).isEqualTo(leafHash);
        assertThat(inclusion.get("treeSize").asLong()).isEqualTo(latest.size());
        MerkleProofs.verifyInclusion(inclusion.get("leafIndex").asLong(), latest.size(), leafHash,
                hashes(inclusion.get("proof")), latest.rootHash());

        JsonNode consistency = client.get("auditor", "/api/ledger/proofs/consistency?from=" + earlier.size()).body();
        MerkleProofs.verifyConsistency(earlier.size(), latest.size(), earlier.rootHash(), latest.rootHash(),
                hashes(consistency.get("proof")));

        String verifierKey = client.get("auditor", "/api/ledger/public-key").body().get("verifierKey").asText();
        Checkpoint copy = Checkpoint.parse(NoteVerifier.of(verifierKey).verifiedText(
                Files.readString(checkpoints.copies().resolve(latest.size() + ".checkpoint"))));
        assertThat(copy.rootHash()).as("the copy outside the database").isEqualTo(latest.rootHash());
    }

    @Test
    void proofsOfWhatIsNotInTheLogAreRefused() {
        propose("7.00");
        checkpointAfterIntegrating();

        assertThat(client.get("auditor", "/api/ledger/proofs/inclusion?position=999999999").status()).isEqualTo(400);
        assertThat(client.get("auditor", "/api/ledger/proofs/inclusion?position=1&treeSize=0").status()).isEqualTo(400);
        assertThat(client.get("auditor", "/api/ledger/proofs/consistency?from=0").status()).isEqualTo(400);
        assertThat(client.get("auditor", "/api/ledger/proofs/consistency?from=1&to=999999999").status())
                .isEqualTo(400);
        assertThat(client.get("analyst", "/api/ledger/proofs/consistency?from=1").status()).isEqualTo(403);
    }

    /** Integrates the ledger, then reads the checkpoint and key as anyone may, and checks the signature. */
    private Checkpoint checkpointAfterIntegrating() {
        long through = horizon.stablePosition();
        List<Checkpoint> read = new ArrayList<>();
        ReadSide.eventually(() -> {
            integrator.integrate();
            Answer key = client.exchange(null, HttpMethod.GET, "/api/ledger/public-key", null, HttpHeaders.EMPTY);
            Answer note = client.exchange(null, HttpMethod.GET, "/api/ledger/checkpoint", null, HttpHeaders.EMPTY);
            assertThat(note.status()).as(note.text()).isEqualTo(200);
            Checkpoint checkpoint = Checkpoint.parse(NoteVerifier.of(key.body().get("verifierKey").asText())
                    .verifiedText(note.text()));
            assertThat(checkpoint.origin()).isEqualTo(key.body().get("origin").asText());
            assertThat(checkpoint.size()).isGreaterThanOrEqualTo(leavesThrough(through));
            read.add(checkpoint);
        });
        return read.get(read.size() - 1);
    }

    private long leavesThrough(long position) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?", Long.class,
                position);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    private static byte[] base64(JsonNode text) {
        return Base64.getDecoder().decode(text.asText());
    }
}
