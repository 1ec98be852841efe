package org.agreementledger.ledger.audit;

import java.time.Instant;
import java.util.List;

/**
 * Everything an auditor needs to check one agreement offline, trusting nothing but the log's public
 * key: the agreement's events with their full stored content, each with the proof that it is a leaf
 * of the log's Merkle tree, and the log's signed checkpoint of that tree. Its size grows with the
 * agreement's events and the logarithm of the ledger's, not with the ledger. {@link CertificateVerifier}
 * checks it.
 *
 * @param format      {@link #FORMAT}
 * @param agreementId the agreement certified
 * @param issuedAt    when the ledger issued it
 * @param events      all the agreement's events, in chain order, each with its inclusion proof
 * @param checkpoint  the log's latest signed checkpoint when issued (a C2SP signed note), whose tree
 *                    every event is a leaf of
 * @param consistency when asked for, the proof that the tree of a checkpoint the auditor kept from
 *                    before is a prefix of the checkpoint's tree; null otherwise
 */
public record AgreementCertificate(String format,
                                   String agreementId,
                                   Instant issuedAt,
                                   List<LoggedEvent> events,
                                   String checkpoint,
                                   LogConsistency consistency) {

    public static final String FORMAT = "agreement-ledger-certificate/2";
}
