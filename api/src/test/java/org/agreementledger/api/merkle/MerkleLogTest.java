package org.agreementledger.api.merkle;

import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.ReadSide;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.merkle.MerkleHash;
import org.agreementledger.ledger.merkle.MerkleProofs;
import org.agreementledger.ledger.merkle.MerkleTree;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.agreementledger.projections.merkle.StoredSubtrees;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's Merkle log on PostgreSQL: every event behind the stable position becomes a leaf, in
 * global order with dense indexes, the stored subtrees give the root an independent recomputation
 * gives, and the proofs built from them hold.
 */
class MerkleLogTest extends HttpContractTest {

    @Autowired
    MerkleLogIntegrator integrator;
    @Autowired
    StoredSubtrees subtrees;
    @Autowired
    StoredEvents storedEvents;
    @Autowired
    LedgerHorizon horizon;

    @Test
    void everyEventBehindTheStablePositionIsALeafInGlobalOrderAndTheStoredTreeGivesTheRecomputedRoot()
            throws Exception {
        fullySigned("1.00");
        fullySigned("2.00");
        long through = horizon.stablePosition();

        integratedThrough(through);

        List<Map<String, Object>> leaves = jdbc.queryForList(
                "SELECT leaf_index, global_index, leaf_hash FROM merkle_leaf ORDER BY leaf_index");
        List<PositionedEvent> events = new ArrayList<>();
        storedEvents.inGlobalOrder(0, (Long) leaves.get(leaves.size() - 1).get("global_index"), 500)
                .forEachRemaining(events::add);
        assertThat(leaves).hasSameSizeAs(events);
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            PositionedEvent event = events.get(i);
            byte[] expected = MerkleHash.leaf(HexFormat.of().parseHex(EventHasher.storedHash(event.event())));
            assertThat(leaves.get(i)).containsEntry("leaf_index", (long) i)
                    .containsEntry("global_index", event.globalPosition());
            assertThat((byte[]) leaves.get(i).get("leaf_hash")).isEqualTo(expected);
            leafHashes.add(expected);
        }

        MerkleTree stored = new MerkleTree(subtrees);
        long size = leafHashes.size();
        byte[] root = stored.root(size);
        assertThat(root).isEqualTo(recomputedRoot(leafHashes));
        for (long index = 0; index < size; index += 1 + size / 7) {
            MerkleProofs.verifyInclusion(index, size, leafHashes.get((int) index), stored.inclusionProof(index, size),
                    root);
        }
        long earlier = Math.max(1, size / 3);
        MerkleProofs.verifyConsistency(earlier, size, recomputedRoot(leafHashes.subList(0, (int) earlier)), root,
                stored.consistencyProof(earlier, size));
    }

    @Test
    void integratorsRacingOnSeveralNodesAppendEachEventOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            fullySigned("3.0" + i);
        }
        long through = horizon.stablePosition();

        CompletableFuture<?>[] racers = new CompletableFuture<?>[4];
        for (int i = 0; i < racers.length; i++) {
            racers[i] = CompletableFuture.runAsync(integrator::integrate);
        }
        CompletableFuture.allOf(racers).get();
        integratedThrough(through);

        assertThat(jdbc.queryForObject("SELECT count(*) = max(leaf_index) + 1 FROM merkle_leaf", Boolean.class))
                .as("leaf indexes are dense").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT global_index) = count(*) FROM merkle_leaf",
                Boolean.class)).as("no event is a leaf twice").isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE global_index <= ? "
                + "AND global_index NOT IN (SELECT global_index FROM merkle_leaf)", Long.class, through))
                .as("no event is left out").isZero();
    }

    private void integratedThrough(long position) {
        ReadSide.eventually(() -> {
            integrator.integrate();
            assertThat(jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM merkle_leaf", Long.class))
                    .isGreaterThanOrEqualTo(position);
        });
    }

    /** MTH of RFC 6962 §2.1, straight from its definition, as an independent check of the stored tree. */
    private static byte[] recomputedRoot(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int split = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleHash.node(recomputedRoot(leafHashes.subList(0, split)),
                recomputedRoot(leafHashes.subList(split, leafHashes.size())));
    }
}
