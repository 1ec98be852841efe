package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.checkpoint.Checkpoint;
import org.agreementledger.ledger.checkpoint.NoteException;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.merkle.CompactRange;
import org.agreementledger.ledger.merkle.MerkleHash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recomputes the Merkle log from the events given in global order and compares it with the log as
 * stored: each stored leaf must be the leaf hash of the event at its position, in order, with no
 * event skipped and none missing; the root recomputed at each signed checkpoint's size must be
 * its root; and every stored subtree must be the hash of its two halves.
 */
final class LogCheck {

    private static final int SUBTREE_PAGE = 4096;

    private final Iterator<StoredLeaf> leaves;
    private final LogRecords.StoredLevels subtrees;
    private final Deque<SignedTree> checkpoints;
    private final CompactRange recomputed = CompactRange.empty();
    private final LedgerMismatch unsigned;
    private StoredLeaf next;
    private long lastLoggedPosition;
    private int checkpointsChecked;

    /** A checkpoint found, its signature checked. */
    private record SignedTree(FoundCheckpoint found, Checkpoint checkpoint) {
    }

    /** A note's signature checked: the checkpoint it signs, or why the log's key did not sign it. */
    private record SignatureCheck(Checkpoint checkpoint, String refusal) {

        static SignatureCheck of(NoteVerifier logKey, String note) {
            try {
                return new SignatureCheck(logKey.verifiedCheckpoint(note), null);
            } catch (NoteException | IllegalArgumentException notTheLogs) {
                return new SignatureCheck(null, notTheLogs.getMessage());
            }
        }
    }

    LogCheck(LogRecords log) {
        NoteVerifier logKey = log.logKey();
        this.leaves = log.leaves();
        this.subtrees = log.subtrees();
        // a note kept in the database and copied outside it is one signature to check, on every core
        Map<String, SignatureCheck> checked = log.checkpoints().stream().map(FoundCheckpoint::note).distinct()
                .parallel().collect(Collectors.toConcurrentMap(note -> note, note -> SignatureCheck.of(logKey, note)));
        List<SignedTree> signed = new ArrayList<>();
        LedgerMismatch firstUnsigned = null;
        for (FoundCheckpoint found : log.checkpoints()) {
            SignatureCheck check = checked.get(found.note());
            if (check.checkpoint() != null) {
                signed.add(new SignedTree(found, check.checkpoint()));
            } else if (firstUnsigned == null) {
                firstUnsigned = LedgerMismatch.inLog(MismatchReason.CHECKPOINT_MISMATCH, "the checkpoint in "
                        + found.source() + " is not one the log signed: " + check.refusal(), 0, 0, null, null);
            }
        }
        signed.sort(Comparator.comparingLong(tree -> tree.checkpoint().size()));
        this.checkpoints = new ArrayDeque<>(signed);
        this.unsigned = firstUnsigned;
        this.next = leaves.hasNext() ? leaves.next() : null;
    }

    /** A checkpoint found that the log's key did not sign, if any: reported before anything else. */
    Optional<LedgerMismatch> unsignedCheckpoint() {
        return Optional.ofNullable(unsigned);
    }

    /** Compares the next event, in global order, with the log; events beyond the stored leaves are not logged yet. */
    Optional<LedgerMismatch> check(ChainedEvent chained) {
        PositionedEvent event = chained.positioned();
        Optional<LedgerMismatch> atEmptyTree = checkCheckpointsAtCurrentSize();
        if (atEmptyTree.isPresent() || next == null) {
            return atEmptyTree;
        }
        if (next.leafIndex() != recomputed.size()) {
            return Optional.of(LedgerMismatch.inLog(MismatchReason.TREE_MISMATCH, "the log holds no leaf "
                            + recomputed.size() + " but goes on with leaf " + next.leafIndex() + ": a leaf was deleted",
                    lastLoggedPosition, recomputed.size(), null, null));
        }
        if (next.globalPosition() < event.globalPosition()) {
            return Optional.of(LedgerMismatch.inLog(MismatchReason.MISSING_EVENT, "leaf " + next.leafIndex()
                            + " logs the event at position " + next.globalPosition() + ", which the event table no"
                            + " longer holds: its row was deleted",
                    next.globalPosition(), next.leafIndex(), hex(next.leafHash()), null));
        }
        if (next.globalPosition() > event.globalPosition()) {
            return Optional.of(LedgerMismatch.atLeaf(MismatchReason.NOT_IN_LOG, "the event is in no leaf: leaf "
                            + next.leafIndex() + " logs the later event at position " + next.globalPosition()
                            + ", so this one was inserted after the log had passed its position",
                    event, next.leafIndex(), null, null));
        }
        byte[] leafHash = LogLeaf.hashOf(chained);
        if (!Arrays.equals(leafHash, next.leafHash())) {
            return Optional.of(LedgerMismatch.atLeaf(MismatchReason.LEAF_MISMATCH, "leaf " + next.leafIndex()
                            + " is not the leaf hash of the event at its position: the event (with its hash"
                            + " recomputed) or the leaf was rewritten after it was logged",
                    event, next.leafIndex(), hex(leafHash), hex(next.leafHash())));
        }
        recomputed.append(leafHash, (level, index, root) -> { });
        lastLoggedPosition = next.globalPosition();
        next = leaves.hasNext() ? leaves.next() : null;
        return checkCheckpointsAtCurrentSize();
    }

    /**
     * After the last event: leaves or checkpoints beyond it show a truncated tail; then every stored
     * subtree of the leaves checked is compared with the hash of its halves.
     */
    Optional<LedgerMismatch> finish() {
        Optional<LedgerMismatch> atEmptyTree = checkCheckpointsAtCurrentSize();
        if (atEmptyTree.isPresent()) {
            return atEmptyTree;
        }
        if (next != null) {
            return Optional.of(LedgerMismatch.inLog(MismatchReason.TRUNCATED, "leaf " + next.leafIndex()
                            + " logs the event at position " + next.globalPosition() + ", beyond the last event"
                            + " the table holds: the ledger's tail was cut off",
                    next.globalPosition(), next.leafIndex(), hex(next.leafHash()), null));
        }
        if (!checkpoints.isEmpty()) {
            SignedTree beyond = checkpoints.peek();
            return Optional.of(LedgerMismatch.inLog(MismatchReason.TRUNCATED, "the checkpoint in "
                            + beyond.found().source() + " was signed over " + beyond.checkpoint().size()
                            + " leaves, but the events give only " + recomputed.size() + ": the ledger's tail was cut off",
                    lastLoggedPosition, beyond.checkpoint().size(), Long.toString(beyond.checkpoint().size()),
                    Long.toString(recomputed.size())));
        }
        return checkSubtrees();
    }

    long leavesChecked() {
        return recomputed.size();
    }

    int checkpointsChecked() {
        return checkpointsChecked;
    }

    private Optional<LedgerMismatch> checkCheckpointsAtCurrentSize() {
        while (!checkpoints.isEmpty() && checkpoints.peek().checkpoint().size() == recomputed.size()) {
            SignedTree signed = checkpoints.poll();
            checkpointsChecked++;
            byte[] root = recomputed.root();
            if (!Arrays.equals(root, signed.checkpoint().rootHash())) {
                return Optional.of(LedgerMismatch.inLog(MismatchReason.CHECKPOINT_MISMATCH, "the checkpoint in "
                                + signed.found().source() + " signed a root for " + recomputed.size()
                                + " leaves that is not the root of the tree recomputed from the events",
                        lastLoggedPosition, recomputed.size(), base64(root), base64(signed.checkpoint().rootHash())));
            }
        }
        return Optional.empty();
    }

    /** Each stored subtree above the leaves is the hash of its two halves, level by level, a page at a time. */
    private Optional<LedgerMismatch> checkSubtrees() {
        long size = recomputed.size();
        for (int level = 1; (size >> level) > 0; level++) {
            long count = size >> level;
            for (long from = 0; from < count; from += SUBTREE_PAGE) {
                long to = Math.min(count, from + SUBTREE_PAGE);
                byte[][] stored = subtrees.range(level, from, to);
                byte[][] halves = subtrees.range(level - 1, 2 * from, 2 * to);
                for (int i = 0; i < stored.length; i++) {
                    byte[] expected = MerkleHash.node(halves[2 * i], halves[2 * i + 1]);
                    if (stored[i] == null || !Arrays.equals(expected, stored[i])) {
                        long index = from + i;
                        return Optional.of(LedgerMismatch.inLog(MismatchReason.TREE_MISMATCH, "the log's subtree "
                                        + level + "/" + index + " (leaves " + (index << level) + " to "
                                        + (((index + 1) << level) - 1) + ") is "
                                        + (stored[i] == null ? "missing" : "not the hash of its two halves"),
                                0, index << level, hex(expected), stored[i] == null ? null : hex(stored[i])));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
