package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.checkpoint.Checkpoint;
import org.agreementledger.ledger.checkpoint.NoteSigner;
import org.agreementledger.ledger.merkle.CompactRange;
import org.agreementledger.ledger.merkle.MerkleTree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** A Merkle log of test events held in memory, as the integrator stores it, open to tampering. */
final class TestLog {

    private final List<StoredLeaf> leaves = new ArrayList<>();
    private final Map<String, byte[]> subtrees = new HashMap<>();
    private final List<FoundCheckpoint> checkpoints = new ArrayList<>();
    private final CompactRange range = CompactRange.empty();
    private final NoteSigner signer;

    TestLog(NoteSigner signer) {
        this.signer = signer;
    }

    /** Appends the events as leaves, as the integrator does, and signs a checkpoint of the tree after them. */
    TestLog integrate(List<PositionedEvent> events) {
        for (PositionedEvent event : events) {
            byte[] leafHash = LogLeaf.hashOf(ChainedEvent.of(event));
            subtrees.put("0/" + range.size(), leafHash);
            leaves.add(new StoredLeaf(range.size(), event.globalPosition(), leafHash));
            range.append(leafHash, (level, index, root) -> subtrees.put(level + "/" + index, root));
        }
        checkpoints.add(new FoundCheckpoint("ledger_checkpoint",
                signer.sign(new Checkpoint(signer.verifier().name(), range.size(), range.root()).body())));
        return this;
    }

    /**
     * The agreement's certificate as the ledger issues it: its events with their inclusion proofs in
     * the tree of the latest checkpoint, and, when asked for, the consistency proof from an earlier size.
     */
    AgreementCertificate certificateOf(String agreementId, List<PositionedEvent> ledgerEvents, Long consistentWith) {
        return certificateOf(agreementId, Set.of(), ledgerEvents, consistentWith);
    }

    /** The agreement's certificate, carrying the events of the keys named, as the ledger issues it. */
    AgreementCertificate certificateOf(String agreementId, Set<String> keyIds, List<PositionedEvent> ledgerEvents,
                                       Long consistentWith) {
        MerkleTree tree = new MerkleTree((level, index) -> subtrees.get(level + "/" + index));
        long size = range.size();
        return new AgreementCertificate(AgreementCertificate.FORMAT, agreementId, Instant.parse("2024-09-01T00:00:00Z"),
                logged(ledgerEvents, Set.of(agreementId), tree), logged(ledgerEvents, keyIds, tree),
                checkpoints.get(checkpoints.size() - 1).note(), consistentWith == null ? null
                : new LogConsistency(consistentWith, size, base64(tree.consistencyProof(consistentWith, size))));
    }

    private List<LoggedEvent> logged(List<PositionedEvent> ledgerEvents, Set<String> aggregateIds, MerkleTree tree) {
        List<LoggedEvent> logged = new ArrayList<>();
        for (PositionedEvent event : ledgerEvents) {
            if (aggregateIds.contains(event.event().aggregateIdentifier())) {
                long leaf = leaves.stream().filter(stored -> stored.globalPosition() == event.globalPosition())
                        .findFirst().orElseThrow().leafIndex();
                logged.add(new LoggedEvent(AuditEvent.of(event), leaf, base64(tree.inclusionProof(leaf, range.size()))));
            }
        }
        return logged;
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    List<StoredLeaf> leaves() {
        return leaves;
    }

    Map<String, byte[]> subtrees() {
        return subtrees;
    }

    List<FoundCheckpoint> checkpoints() {
        return checkpoints;
    }

    LogRecords records() {
        return records(checkpoints);
    }

    /** The log as stored, but with these checkpoints found. */
    LogRecords records(List<FoundCheckpoint> found) {
        return new LogRecords(List.copyOf(leaves).iterator(), List.copyOf(found), this::range, signer.verifier());
    }

    private byte[][] range(int level, long from, long to) {
        byte[][] range = new byte[(int) (to - from)][];
        for (long index = from; index < to; index++) {
            range[(int) (index - from)] = subtrees.get(level + "/" + index);
        }
        return range;
    }
}
