package org.agreementledger.ledger.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree and its proofs against an independent reference: the RFC 6962 test vectors of the
 * transparency-dev/merkle project (test resources {@code rfc6962/}, Apache License 2.0), happy
 * paths produced and accepted, tampered proofs refused.
 */
class MerkleTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static Path vectors() throws URISyntaxException {
        return Path.of(MerkleTreeTest.class.getResource("/rfc6962").toURI());
    }

    private static MerkleTree referenceTree() throws Exception {
        JsonNode reference = JSON.readTree(vectors().resolve("leaves-and-roots.json").toFile());
        List<byte[]> leafHashes = new ArrayList<>();
        reference.get("leafInputsHex").forEach(input -> leafHashes.add(MerkleHash.leaf(HEX.parseHex(input.asText()))));
        return new MerkleTree(new InMemorySubtrees(leafHashes));
    }

    @Test
    void theRootOfEveryPrefixIsTheReferencesRoot() throws Exception {
        JsonNode roots = JSON.readTree(vectors().resolve("leaves-and-roots.json").toFile()).get("rootHashesHex");
        MerkleTree tree = referenceTree();

        assertThat(roots).hasSize(9);
        for (int size = 0; size < roots.size(); size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of size " + size).isEqualTo(roots.get(size).asText());
        }
    }

    @TestFactory
    Stream<DynamicTest> inclusionProofsAreProducedAsTheReferenceAndTamperedOnesRefused() throws Exception {
        MerkleTree tree = referenceTree();
        Path vectors = vectors();
        return vectorFiles("inclusion").map(file -> DynamicTest.dynamicTest(vectors.relativize(file).toString(), () -> {
            JsonNode vector = JSON.readTree(file.toFile());
            long index = vector.get("leafIdx").asLong();
            long size = vector.get("treeSize").asLong();
            List<byte[]> proof = hashes(vector.get("proof"));
            byte[] leafHash = base64(vector.get("leafHash"));
            byte[] root = base64(vector.get("root"));
            if (vector.get("wantErr").asBoolean()) {
                assertThatThrownBy(() -> MerkleProofs.verifyInclusion(index, size, leafHash, proof, root))
                        .isInstanceOf(ProofException.class);
            } else {
                assertThatCode(() -> MerkleProofs.verifyInclusion(index, size, leafHash, proof, root))
                        .doesNotThrowAnyException();
                if (size <= 8 && Arrays.equals(root, tree.root(size))) {
                    // a vector over the reference leaves: the tree produces that very proof
                    assertThat(tree.inclusionProof(index, size)).usingElementComparator(MerkleTreeTest::compareBytes)
                            .containsExactlyElementsOf(proof);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProofsAreProducedAsTheReferenceAndTamperedOnesRefused() throws Exception {
        MerkleTree tree = referenceTree();
        Path vectors = vectors();
        return vectorFiles("consistency").map(file -> DynamicTest.dynamicTest(vectors.relativize(file).toString(), () -> {
            JsonNode vector = JSON.readTree(file.toFile());
            long size1 = vector.get("size1").asLong();
            long size2 = vector.get("size2").asLong();
            List<byte[]> proof = hashes(vector.get("proof"));
            byte[] root1 = base64(vector.get("root1"));
            byte[] root2 = base64(vector.get("root2"));
            if (vector.get("wantErr").asBoolean()) {
                assertThatThrownBy(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof))
                        .isInstanceOf(ProofException.class);
            } else {
                assertThatCode(() -> MerkleProofs.verifyConsistency(size1, size2, root1, root2, proof))
                        .doesNotThrowAnyException();
                if (size2 <= 8 && size1 < size2 && Arrays.equals(root2, tree.root(size2))) {
                    // a vector over the reference leaves: the tree produces that very proof
                    assertThat(tree.consistencyProof(size1, size2))
                            .usingElementComparator(MerkleTreeTest::compareBytes).containsExactlyElementsOf(proof);
                }
            }
        }));
    }

    /** The comparisons of produced proofs above run on most happy paths, not on none. */
    @Test
    void mostHappyPathsAreOverTheReferenceLeaves() throws Exception {
        MerkleTree tree = referenceTree();
        long overReference = 0;
        long happy = 0;
        for (Path file : Stream.concat(vectorFiles("inclusion"), vectorFiles("consistency")).toList()) {
            JsonNode vector = JSON.readTree(file.toFile());
            if (!vector.get("wantErr").asBoolean()) {
                happy++;
                long size = vector.has("treeSize") ? vector.get("treeSize").asLong() : vector.get("size2").asLong();
                byte[] root = base64(vector.has("root") ? vector.get("root") : vector.get("root2"));
                if (size <= 8 && Arrays.equals(root, tree.root(size))) {
                    overReference++;
                }
            }
        }
        assertThat(overReference).as("of " + happy + " happy paths").isGreaterThan(happy / 2);
    }

    @Test
    void everyProofOfLargerTreesHoldsAndAnyFlippedBitBreaksIt() throws Exception {
        Random random = new Random(6962);
        List<byte[]> leafHashes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            leafHashes.add(MerkleHash.leaf(("leaf " + i).getBytes()));
        }
        MerkleTree tree = new MerkleTree(new InMemorySubtrees(leafHashes));
        for (long size = 1; size <= 300; size += 1 + random.nextInt(7)) {
            byte[] root = tree.root(size);
            for (long index = 0; index < size; index += 1 + random.nextInt(5)) {
                MerkleProofs.verifyInclusion(index, size, leafHashes.get((int) index), tree.inclusionProof(index, size),
                        root);
            }
            for (long size1 = 1; size1 <= size; size1 += 1 + random.nextInt(9)) {
                MerkleProofs.verifyConsistency(size1, size, tree.root(size1), root, tree.consistencyProof(size1, size));
            }
        }
        List<byte[]> proof = tree.consistencyProof(123, 290);
        byte[] flipped = proof.get(2).clone();
        flipped[7] ^= 1;
        proof.set(2, flipped);
        assertThatThrownBy(() -> MerkleProofs.verifyConsistency(123, 290, tree.root(123), tree.root(290), proof))
                .isInstanceOf(ProofException.class);
        List<byte[]> inclusion = tree.inclusionProof(77, 290);
        assertThatThrownBy(() -> MerkleProofs.verifyInclusion(78, 290, leafHashes.get(77), inclusion, tree.root(290)))
                .isInstanceOf(ProofException.class);
    }

    private static Stream<Path> vectorFiles(String kind) throws Exception {
        try (Stream<Path> files = Files.walk(vectors().resolve(kind))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        }
        return hashes;
    }

    private static byte[] base64(JsonNode text) {
        return text == null || text.isNull() ? null : Base64.getDecoder().decode(text.asText());
    }

    private static int compareBytes(byte[] left, byte[] right) {
        return Arrays.compare(left, right);
    }
}
