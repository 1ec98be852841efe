package org.agreementledger.ledger.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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
 * @param signerKeyEvents the events of every key that signed one of them, and of every key that
 *                    approved such a key, in log order, each with its inclusion proof: enough to
 *                    check each signature offline (none in format 2)
 * @param checkpoint  the log's latest signed checkpoint when issued (a C2SP signed note), whose tree
 *                    every event is a leaf of
 * @param consistency when asked for, the proof that the tree of a checkpoint the auditor kept from
 *                    before is a prefix of the checkpoint's tree; null otherwise
 */
public record AgreementCertificate(String format,
                                   String agreementId,
                                   Instant issuedAt,
                                   List<LoggedEvent> events,
                                   List<LoggedEvent> signerKeyEvents,
                                   String checkpoint,
                                   LogConsistency consistency) {

    public static final String FORMAT = "agreement-ledger-certificate/3";

    /** The formats a verifier reads: 2 is 3 without the keys' events, issued before parties had keys. */
    public static final Set<String> READABLE_FORMATS = Set.of("agreement-ledger-certificate/2", FORMAT);

    /** The keys' events; none in a format 2 certificate. */
    public List<LoggedEvent> keyEvents() {
        return signerKeyEvents == null ? List.of() : signerKeyEvents;
    }
}
