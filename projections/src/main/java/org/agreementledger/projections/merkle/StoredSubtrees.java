package org.agreementledger.projections.merkle;

import org.agreementledger.ledger.audit.LogRecords;
import org.agreementledger.ledger.audit.StoredLeaf;
import org.agreementledger.ledger.merkle.MerkleHash;
import org.agreementledger.ledger.merkle.MerkleTree;
import org.agreementledger.projections.eventstore.Batches;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The Merkle log's perfect subtrees as stored: leaves at level 0, complete subtrees above. */
@Repository
public class StoredSubtrees implements MerkleTree.PerfectSubtrees, LogRecords.StoredLevels {

    private static final int LEAF_PAGE = 4096;

    private final JdbcTemplate jdbc;

    public StoredSubtrees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] root(int level, long index) {
        byte[] root = range(level, index, index + 1)[0];
        if (root == null) {
            throw new IllegalStateException("the Merkle log holds no subtree " + level + "/" + index
                    + ": it is not integrated that far");
        }
        return root;
    }

    @Override
    public byte[][] range(int level, long from, long to) {
        byte[][] roots = new byte[Math.toIntExact(to - from)][];
        String query = level == 0
                ? "SELECT leaf_index, leaf_hash FROM merkle_leaf WHERE leaf_index >= ? AND leaf_index < ?"
                : "SELECT node_index, hash FROM merkle_node WHERE level = " + level + " AND node_index >= ? AND node_index < ?";
        jdbc.query(query, row -> {
            roots[Math.toIntExact(row.getLong(1) - from)] = row.getBytes(2);
        }, from, to);
        return roots;
    }

    /**
     * Runs a computation over the tree (a root, a proof) with every perfect subtree it reads fetched in
     * one query: which subtrees a computation reads depends on the sizes and indexes only, never on
     * the hashes, so a first dry run with placeholder hashes names them.
     */
    public <T> T withSubtreesRead(Function<MerkleTree, T> computation) {
        Set<Subtree> needed = new LinkedHashSet<>();
        byte[] placeholder = new byte[MerkleHash.SIZE];
        computation.apply(new MerkleTree((level, index) -> {
            needed.add(new Subtree(level, index));
            return placeholder;
        }));
        Map<Subtree, byte[]> fetched = fetch(needed);
        return computation.apply(new MerkleTree((level, index) -> {
            byte[] root = fetched.get(new Subtree(level, index));
            if (root == null) {
                throw new IllegalStateException("the Merkle log holds no subtree " + level + "/" + index
                        + ": it is not integrated that far");
            }
            return root;
        }));
    }

    private record Subtree(int level, long index) {
    }

    /** The subtrees asked for, in one statement whose text never changes, so the database plans it once. */
    private Map<Subtree, byte[]> fetch(Set<Subtree> subtrees) {
        Long[] leaves = subtrees.stream().filter(subtree -> subtree.level() == 0).map(Subtree::index)
                .toArray(Long[]::new);
        Integer[] levels = subtrees.stream().filter(subtree -> subtree.level() > 0).map(Subtree::level)
                .toArray(Integer[]::new);
        Long[] indexes = subtrees.stream().filter(subtree -> subtree.level() > 0).map(Subtree::index)
                .toArray(Long[]::new);
        Map<Subtree, byte[]> fetched = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    SELECT 0, leaf_index, leaf_hash FROM merkle_leaf WHERE leaf_index = ANY (?)
                    UNION ALL
                    SELECT n.level, n.node_index, n.hash
                    FROM merkle_node n JOIN unnest(?::int[], ?::bigint[]) AS wanted (level, node_index)
                                      ON n.level = wanted.level AND n.node_index = wanted.node_index""");
            statement.setArray(1, connection.createArrayOf("bigint", leaves));
            statement.setArray(2, connection.createArrayOf("int", levels));
            statement.setArray(3, connection.createArrayOf("bigint", indexes));
            return statement;
        }, (RowCallbackHandler) row -> fetched.put(new Subtree(row.getInt(1), row.getLong(2)), row.getBytes(3)));
        return fetched;
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

    /** The leaves of the first {@code size} leaf indexes, in leaf order, read a page at a time as consumed. */
    public Iterator<StoredLeaf> leavesBelow(long size) {
        return new Batches<StoredLeaf>(LEAF_PAGE, last -> jdbc.query("SELECT leaf_index, global_index, leaf_hash"
                        + " FROM merkle_leaf WHERE leaf_index > ? AND leaf_index < ? ORDER BY leaf_index LIMIT ?",
                (row, i) -> new StoredLeaf(row.getLong(1), row.getLong(2), row.getBytes(3)),
                last == null ? -1 : last.leafIndex(), size, LEAF_PAGE));
    }

    /** The highest global index integrated, 0 when none is. */
    long lastIntegratedPosition() {
        Long position = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM merkle_leaf", Long.class);
        return position == null ? 0 : position;
    }

    /** Collects a batch's leaves and completed subtrees, to store them with one statement each. */
    Appending appending() {
        return new Appending();
    }

    final class Appending {

        private final List<Object[]> leaves = new ArrayList<>();
        private final List<Object[]> nodes = new ArrayList<>();

        void leaf(long leafIndex, long globalIndex, byte[] leafHash) {
            leaves.add(new Object[]{leafIndex, globalIndex, leafHash});
        }

        void node(int level, long index, byte[] hash) {
            nodes.add(new Object[]{level, index, hash});
        }

        /** Stores what was collected; answers the number of leaves. */
        int store() {
            jdbc.batchUpdate("INSERT INTO merkle_leaf (leaf_index, global_index, leaf_hash) VALUES (?, ?, ?)", leaves);
            jdbc.batchUpdate("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)", nodes);
            return leaves.size();
        }
    }
}
