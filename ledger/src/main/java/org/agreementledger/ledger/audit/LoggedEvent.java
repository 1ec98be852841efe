package org.agreementledger.ledger.audit;

import java.util.List;

/**
 * An event of a certificate, with the proof that it is a leaf of the log's tree.
 *
 * @param event          the event as stored
 * @param leafIndex      its leaf in the log
 * @param inclusionProof the inclusion proof of that leaf in the tree of the certificate's checkpoint,
 *                       base64 hashes, deepest sibling first (RFC 9162)
 */
public record LoggedEvent(AuditEvent event, long leafIndex, List<String> inclusionProof) {
}
