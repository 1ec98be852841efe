package org.agreementledger.ledger.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory right border against the tree computed from every subtree, and against the reference roots. */
class CompactRangeTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theRootAfterEveryAppendIsTheReferencesRoot() {
        // leaves-and-roots.json of transparency-dev/merkle: the first three leaf inputs and roots
        CompactRange range = CompactRange.empty();
        assertThat(HEX.formatHex(range.root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        range.append(MerkleHash.leaf(new byte[0]), (level, index, root) -> { });
        assertThat(HEX.formatHex(range.root()))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        range.append(MerkleHash.leaf(new byte[]{0}), (level, index, root) -> { });
        assertThat(HEX.formatHex(range.root()))
                .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        range.append(MerkleHash.leaf(HEX.parseHex("10")), (level, index, root) -> { });
        assertThat(HEX.formatHex(range.root()))
                .isEqualTo("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
    }

    @Test
    void itCompletesTheSubtreesTheTreeHoldsAndResumesFromThemAtAnySize() {
        List<byte[]> leafHashes = new ArrayList<>();
        Map<String, byte[]> completed = new HashMap<>();
        MerkleTree.PerfectSubtrees stored = (level, index) -> level == 0 ? leafHashes.get((int) index)
                : completed.get(level + "/" + index);
        MerkleTree reference = new MerkleTree(new InMemorySubtrees(leafHashes));
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            leafHashes.add(leaf);
            range.append(leaf, (level, index, root) -> assertThat(completed.put(level + "/" + index, root))
                    .as("subtree %d/%d completed once", level, index).isNull());

            assertThat(range.size()).isEqualTo(i + 1);
            assertThat(range.root()).as("root of size %d", i + 1).isEqualTo(reference.root(i + 1));
            assertThat(CompactRange.of(i + 1, stored).root()).as("resumed at size %d", i + 1)
                    .isEqualTo(reference.root(i + 1));
        }
        assertThat(completed).hasSize(300 - Long.bitCount(300));
        completed.forEach((key, root) -> {
            String[] at = key.split("/");
            assertThat(root).as(key).isEqualTo(new InMemorySubtrees(leafHashes)
                    .root(Integer.parseInt(at[0]), Long.parseLong(at[1])));
        });
    }
}
