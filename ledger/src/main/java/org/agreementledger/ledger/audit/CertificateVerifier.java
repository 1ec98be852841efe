package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.checkpoint.Checkpoint;
import org.agreementledger.ledger.checkpoint.NoteException;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.merkle.MerkleProofs;
import org.agreementledger.ledger.merkle.ProofException;
import org.agreementledger.ledger.signing.SignerKeyTool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks an agreement certificate offline, with no database and no service, trusting only the
 * log's public key: recomputes every event's hash and link from its stored content, checks every
 * inclusion proof and the checkpoint's signature; given a checkpoint the auditor kept from before,
 * also the proof that today's log extends it. (The writing nodes' attestations are keyed MACs the
 * ledger checked before it logged the events: the signed tree stands for them here.)
 *
 * <p>Run: {@code java -jar ledger/target/ledger-0.1.0-SNAPSHOT-certificate-verifier.jar --key <verifier key>
 * [--saved-checkpoint <file>] certificate.json}; exit status 0 when valid, 1 when not, 2 when the
 * arguments or files cannot be read.
 */
public final class CertificateVerifier {

    private static final String USAGE = "usage: java -jar ledger-<version>-certificate-verifier.jar"
            + " --key <the log's verifier key> [--saved-checkpoint <checkpoint file>] <certificate.json>\n"
            + "       (keygen and sign, for a party's own key: see their usage)";

    private CertificateVerifier() {
    }

    /** Checks a certificate; {@code keygen} and {@code sign} are a party's key's ({@link SignerKeyTool}). */
    public static void main(String[] args) {
        boolean signerCommand = args.length > 0 && SignerKeyTool.COMMANDS.contains(args[0]);
        System.exit(signerCommand ? SignerKeyTool.run(args, System.out, System.err) : run(args, System.out, System.err));
    }

    /** The command line: checks the certificate file named and answers the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String key = null;
        String savedCheckpointFile = null;
        String certificateFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                key = args[++i];
            } else if (args[i].equals("--saved-checkpoint") && i + 1 < args.length) {
                savedCheckpointFile = args[++i];
            } else if (!args[i].startsWith("--") && certificateFile == null) {
                certificateFile = args[i];
            } else {
                certificateFile = null;
                break;
            }
        }
        if (key == null || certificateFile == null) {
            err.println(USAGE);
            return 2;
        }
        NoteVerifier trustedKey;
        try {
            trustedKey = NoteVerifier.of(key);
        } catch (IllegalArgumentException unreadable) {
            err.println("cannot read " + key + " as a verifier key: " + unreadable.getMessage());
            return 2;
        }
        String savedCheckpoint = null;
        AgreementCertificate certificate;
        try {
            if (savedCheckpointFile != null) {
                savedCheckpoint = Files.readString(Path.of(savedCheckpointFile), StandardCharsets.UTF_8);
            }
            certificate = CanonicalJson.read(Files.readAllBytes(Path.of(certificateFile)), AgreementCertificate.class);
        } catch (IOException | RuntimeException unreadable) {
            err.println("cannot read " + (savedCheckpoint == null && savedCheckpointFile != null ? savedCheckpointFile
                    : certificateFile) + ": " + unreadable.getMessage());
            return 2;
        }
        CertificateCheck check = verify(certificate, trustedKey, savedCheckpoint);
        out.println((check.valid() ? "VALID: " : "NOT VALID: ") + check.summary());
        return check.valid() ? 0 : 1;
    }

    /**
     * @param trustedKey      the log's verifier key, as the auditor got it from a source they trust
     * @param savedCheckpoint a checkpoint note the auditor kept from before, or null
     */
    public static CertificateCheck verify(AgreementCertificate certificate, NoteVerifier trustedKey,
                                          String savedCheckpoint) {
        try {
            return shapeProblem(certificate)
                    .map(CertificateCheck::failed)
                    .orElseGet(() -> verifyWellShaped(certificate, trustedKey, savedCheckpoint));
        } catch (IllegalArgumentException malformed) {
            return CertificateCheck.failed("the certificate holds something malformed: " + malformed.getMessage());
        }
    }

    private static Optional<String> shapeProblem(AgreementCertificate certificate) {
        if (!AgreementCertificate.FORMAT.equals(certificate.format())) {
            return Optional.of("the format is '" + certificate.format() + "', not '" + AgreementCertificate.FORMAT + "'");
        }
        if (certificate.agreementId() == null) {
            return Optional.of("the certificate names no agreement");
        }
        if (certificate.events() == null || certificate.events().isEmpty()
                || certificate.events().stream().anyMatch(logged -> logged == null || logged.event() == null
                || logged.inclusionProof() == null)) {
            return Optional.of("the certificate holds no events, or an event without its inclusion proof");
        }
        if (certificate.checkpoint() == null) {
            return Optional.of("the certificate holds no checkpoint");
        }
        return Optional.empty();
    }

    private static CertificateCheck verifyWellShaped(AgreementCertificate certificate, NoteVerifier trustedKey,
                                                     String savedCheckpoint) {
        Checkpoint checkpoint;
        try {
            checkpoint = trustedKey.verifiedCheckpoint(certificate.checkpoint());
        } catch (NoteException unsigned) {
            return CertificateCheck.failed("the certificate's checkpoint: " + unsigned.getMessage());
        }
        ChainVerifier chain = new ChainVerifier();
        long previousLeaf = -1;
        for (LoggedEvent logged : certificate.events()) {
            AuditEvent event = logged.event();
            String at = "event " + event.sequenceNumber() + " (position " + event.globalPosition() + ", leaf "
                    + logged.leafIndex() + "): ";
            if (!certificate.agreementId().equals(event.agreementId())) {
                return CertificateCheck.failed(at + "it belongs to agreement " + event.agreementId() + ", not "
                        + certificate.agreementId());
            }
            Optional<LedgerMismatch> mismatch = chain.check(ChainedEvent.of(event.toPositionedEvent()));
            if (mismatch.isPresent()) {
                LedgerMismatch found = mismatch.get();
                return CertificateCheck.failed(at + found.reason() + ": " + found.detail()
                        + (found.expected() == null ? "" : " (expected " + found.expected() + ")")
                        + (found.stored() == null ? "" : " (stored " + found.stored() + ")"));
            }
            Optional<String> misread = event.readOutMismatch();
            if (misread.isPresent()) {
                return CertificateCheck.failed(at + misread.get());
            }
            if (logged.leafIndex() <= previousLeaf) {
                return CertificateCheck.failed(at + "its leaf does not follow the leaf of the event before it");
            }
            try {
                MerkleProofs.verifyInclusion(logged.leafIndex(), checkpoint.size(), LogLeaf.hashOf(event.hash()),
                        hashes(logged.inclusionProof()), checkpoint.rootHash());
            } catch (ProofException notIncluded) {
                return CertificateCheck.failed(at + "it is not a leaf of the checkpoint's tree: " + notIncluded.getMessage());
            }
            previousLeaf = logged.leafIndex();
        }
        String extension = "";
        if (savedCheckpoint != null) {
            Checkpoint saved;
            try {
                saved = trustedKey.verifiedCheckpoint(savedCheckpoint);
            } catch (NoteException | IllegalArgumentException unsigned) {
                return CertificateCheck.failed("the saved checkpoint: " + unsigned.getMessage());
            }
            Optional<String> inconsistent = extensionProblem(saved, checkpoint, certificate.consistency());
            if (inconsistent.isPresent()) {
                return CertificateCheck.failed(inconsistent.get());
            }
            extension = "; the tree extends the checkpoint you saved, of size " + saved.size()
                    + ": nothing logged by then was changed or removed";
        }
        return CertificateCheck.passed("agreement " + certificate.agreementId() + ": " + chain.eventsChecked()
                + " events, every hash and link recomputed; each is a leaf of the log's tree of size " + checkpoint.size() + " with root "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + ", signed by " + trustedKey.name()
                + extension);
    }

    /** The first reason the certificate's checkpoint does not extend the saved one, if any. */
    private static Optional<String> extensionProblem(Checkpoint saved, Checkpoint current, LogConsistency consistency) {
        if (saved.size() > current.size()) {
            return Optional.of("the checkpoint you saved, of size " + saved.size() + ", is newer than the certificate's,"
                    + " of size " + current.size() + ": ask the ledger for the certificate again");
        }
        if (saved.size() < current.size() && (consistency == null || consistency.fromTreeSize() != saved.size()
                || consistency.toTreeSize() != current.size())) {
            return Optional.of("the certificate holds no consistency proof from the size of the checkpoint you saved, "
                    + saved.size() + ", to its own, " + current.size() + ": ask for it with ?consistentWith="
                    + saved.size());
        }
        try {
            MerkleProofs.verifyConsistency(saved.size(), current.size(), saved.rootHash(), current.rootHash(),
                    saved.size() == current.size() ? List.of() : hashes(consistency.proof()));
            return Optional.empty();
        } catch (ProofException inconsistent) {
            return Optional.of("the log's tree of size " + current.size() + " does not extend the checkpoint you saved,"
                    + " of size " + saved.size() + ": " + inconsistent.getMessage()
                    + ". Both are signed by the log's key: keep them, they prove the log was rewritten");
        }
    }

    private static List<byte[]> hashes(List<String> base64) {
        return base64 == null ? List.of() : base64.stream().map(Base64.getDecoder()::decode).toList();
    }
}
