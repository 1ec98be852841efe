package org.agreementledger.api.web.audit;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.merkle.LogCheckpoints;
import org.agreementledger.projections.merkle.StoredSubtrees;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.List;

/**
 * The ledger as a Merkle log: its latest signed checkpoint and the key it is signed with (public,
 * for anyone to keep and check), and inclusion and consistency proofs against the tree sizes of
 * checkpoints (for auditors).
 */
@RestController
@RequestMapping(path = "/api/ledger", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class MerkleLogController {

    private final LogCheckpoints checkpoints;
    private final StoredSubtrees subtrees;

    MerkleLogController(LogCheckpoints checkpoints, StoredSubtrees subtrees) {
        this.checkpoints = checkpoints;
        this.subtrees = subtrees;
    }

    /** The latest checkpoint, a C2SP signed note (text/plain). */
    @SecurityRequirements
    @Refuses(HttpStatus.NOT_FOUND)
    @GetMapping(path = "/checkpoint", produces = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> checkpoint() {
        return checkpoints.latest()
                .<ResponseEntity<Object>>map(latest -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                        .body(latest.note()))
                .orElseGet(() -> Problems.response(Problems.of(ProblemCode.NO_CHECKPOINT_YET,
                        "The log has no signed checkpoint yet: its first events are integrated within seconds.")));
    }

    @SecurityRequirements
    @GetMapping("/public-key")
    LogKey publicKey() {
        return new LogKey(checkpoints.origin(), checkpoints.verifierKey());
    }

    /** The proof that the event at {@code position} is leaf of the tree of {@code treeSize} (default: the latest checkpoint's). */
    @GetMapping("/proofs/inclusion")
    InclusionProof inclusionProof(@RequestParam long position, @RequestParam(required = false) Long treeSize) {
        long size = treeSizeOf("treeSize", treeSize);
        long leafIndex = subtrees.leafIndexOf(position).orElseThrow(() -> new InvalidQueryException("position",
                "the event at position " + position + " is not in the log (yet): no such event, or not integrated"));
        if (leafIndex >= size) {
            throw new InvalidQueryException("treeSize", "the event at position " + position + " is leaf " + leafIndex
                    + ", not in a tree of " + size + " leaves");
        }
        return subtrees.withSubtreesRead(tree -> new InclusionProof(position, leafIndex, size,
                base64(tree.leafHash(leafIndex)), base64(tree.root(size)),
                base64(tree.inclusionProof(leafIndex, size))));
    }

    /** The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} (default: the latest checkpoint's). */
    @GetMapping("/proofs/consistency")
    ConsistencyProof consistencyProof(@RequestParam long from, @RequestParam(required = false) Long to) {
        long size = treeSizeOf("to", to);
        if (from < 1 || from > size) {
            throw new InvalidQueryException("from", "from is a tree size from 1 to " + size);
        }
        return subtrees.withSubtreesRead(tree -> new ConsistencyProof(from, size, base64(tree.root(from)),
                base64(tree.root(size)), base64(tree.consistencyProof(from, size))));
    }

    /** A tree size that has a signed checkpoint's leaves: at most the latest checkpoint's size. */
    private long treeSizeOf(String parameter, Long asked) {
        long signed = checkpoints.latestSize();
        long size = asked == null ? signed : asked;
        if (size < 1 || size > signed) {
            throw new InvalidQueryException(parameter, parameter + " is a tree size from 1 to " + signed
                    + ", the latest signed checkpoint's");
        }
        return size;
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(MerkleLogController::base64).toList();
    }

    /** The log's name and its C2SP verifier key ({@code <name>+<key id>+<base64(0x01 || Ed25519 key)>}). */
    record LogKey(String origin, String verifierKey) {
    }

    /** Hashes in base64, the proof deepest sibling first (RFC 9162). */
    record InclusionProof(long position, long leafIndex, long treeSize, String leafHash, String rootHash,
                          List<String> proof) {
    }

    record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {
    }
}
