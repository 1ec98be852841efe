package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.checkpoint.NoteVerifier;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * What the Merkle log stores, for verification to compare with the tree it recomputes from the events.
 *
 * @param leaves      the stored leaves in leaf order, those stored before verification began
 * @param checkpoints every signed checkpoint found, in the database and outside it, read before the leaves
 * @param subtrees    the stored perfect subtrees, read a range of one level at a time
 * @param logKey      the log's key, which every checkpoint must be signed with; null when there are none
 */
public record LogRecords(Iterator<StoredLeaf> leaves, List<FoundCheckpoint> checkpoints, StoredLevels subtrees,
                         NoteVerifier logKey) {

    /** The stored perfect subtrees of one height: at level 0 the leaf hashes. */
    @FunctionalInterface
    public interface StoredLevels {

        /** The roots of subtrees {@code [from, to)} of height {@code level}, null where none is stored. */
        byte[][] range(int level, long from, long to);
    }

    /** A ledger without a log: nothing to compare. */
    public static LogRecords none() {
        return new LogRecords(Collections.emptyIterator(), List.of(), (level, from, to) -> new byte[(int) (to - from)][],
                null);
    }
}
