package org.agreementledger.projections.merkle;

import org.agreementledger.ledger.merkle.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The Merkle log's perfect subtrees as stored: leaves at level 0, complete subtrees above. */
@Repository
public class StoredSubtrees implements MerkleTree.PerfectSubtrees {

    private final JdbcTemplate jdbc;

    public StoredSubtrees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] root(int level, long index) {
        List<byte[]> found = level == 0
                ? jdbc.query("SELECT leaf_hash FROM merkle_leaf WHERE leaf_index = ?", (row, i) -> row.getBytes(1), index)
                : jdbc.query("SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?",
                (row, i) -> row.getBytes(1), level, index);
        if (found.isEmpty()) {
            throw new IllegalStateException("the Merkle log holds no subtree " + level + "/" + index
                    + ": it is not integrated that far");
        }
        return found.get(0);
    }

    /** How many leaves the log holds. */
    public long size() {
        Long size = jdbc.queryForObject("SELECT coalesce(max(leaf_index) + 1, 0) FROM merkle_leaf", Long.class);
        return size == null ? 0 : size;
    }

    /** The leaf index of the event at a global position, when it is integrated. */
    public Optional<Long> leafIndexOf(long globalPosition) {
        return jdbc.query("SELECT leaf_index FROM merkle_leaf WHERE global_index = ?", (row, i) -> row.getLong(1),
                globalPosition).stream().findFirst();
    }

    /** The highest global index integrated, 0 when none is. */
    long lastIntegratedPosition() {
        Long position = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM merkle_leaf", Long.class);
        return position == null ? 0 : position;
    }

    void appendLeaf(long leafIndex, long globalIndex, byte[] leafHash) {
        jdbc.update("INSERT INTO merkle_leaf (leaf_index, global_index, leaf_hash) VALUES (?, ?, ?)",
                leafIndex, globalIndex, leafHash);
    }

    void appendNode(int level, long index, byte[] hash) {
        jdbc.update("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)", level, index, hash);
    }
}
