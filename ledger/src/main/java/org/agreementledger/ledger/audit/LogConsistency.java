package org.agreementledger.ledger.audit;

import java.util.List;

/**
 * The proof that the log's tree of {@code fromTreeSize} leaves is a prefix of its tree of
 * {@code toTreeSize} leaves: nothing logged before was changed or removed since.
 *
 * @param fromTreeSize the size of the earlier tree, e.g. of a checkpoint an auditor kept
 * @param toTreeSize   the size of the later tree
 * @param proof        base64 hashes, as RFC 9162 §2.1.4 orders them
 */
public record LogConsistency(long fromTreeSize, long toTreeSize, List<String> proof) {
}
