package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.checkpoint.Checkpoint;
import org.agreementledger.ledger.checkpoint.NoteException;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.SignerKeyEvent;
import org.agreementledger.ledger.merkle.MerkleProofs;
import org.agreementledger.ledger.merkle.ProofException;
import org.agreementledger.ledger.signing.AgreementTerms;
import org.agreementledger.ledger.signing.SignatureAssurance;
import org.agreementledger.ledger.signing.SignerKeyTool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks an agreement certificate offline, with no database and no service, trusting only the
 * log's public key: recomputes every event's hash and link from its stored content, checks every
 * inclusion proof and the checkpoint's signature, and every signature by a party's own key against
 * the key's events ({@link CertifiedSignatures}); given a checkpoint the auditor kept from before,
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
        check.signatures().forEach(verdict -> out.println("  " + verdict.line()));
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
        } catch (RuntimeException malformed) {
            // whatever the content, the verifier answers NOT VALID, never a stack trace
            return CertificateCheck.failed("the certificate holds something malformed: " + malformed);
        }
    }

    private static Optional<String> shapeProblem(AgreementCertificate certificate) {
        if (!AgreementCertificate.READABLE_FORMATS.contains(certificate.format())) {
            return Optional.of("the format is '" + certificate.format() + "', not one of "
                    + AgreementCertificate.READABLE_FORMATS);
        }
        if (certificate.agreementId() == null) {
            return Optional.of("the certificate names no agreement");
        }
        if (certificate.events() == null || certificate.events().isEmpty()
                || Stream.concat(certificate.events().stream(), certificate.keyEvents().stream())
                .anyMatch(logged -> logged == null || logged.event() == null || logged.inclusionProof() == null)) {
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
            Optional<String> problem = problemWith(logged, chain, previousLeaf, checkpoint);
            if (problem.isPresent()) {
                return CertificateCheck.failed(at + problem.get());
            }
            previousLeaf = logged.leafIndex();
        }
        ChainVerifier keyChains = new ChainVerifier();
        long previousKeyLeaf = -1;
        for (LoggedEvent logged : certificate.keyEvents()) {
            AuditEvent event = logged.event();
            String at = "event " + event.sequenceNumber() + " of key " + event.agreementId() + " (position "
                    + event.globalPosition() + ", leaf " + logged.leafIndex() + "): ";
            if (!SignerKeyEvent.AGGREGATE_TYPE.equals(event.aggregateType())) {
                return CertificateCheck.failed(at + "it is no key's event");
            }
            Optional<String> problem = problemWith(logged, keyChains, previousKeyLeaf, checkpoint);
            if (problem.isPresent()) {
                return CertificateCheck.failed(at + problem.get());
            }
            previousKeyLeaf = logged.leafIndex();
        }
        List<SignatureVerdict> signatures = new CertifiedSignatures(certificate.agreementId(), checkpoint.origin(),
                termsIn(certificate.events()), CertifiedKey.fold(certificate.keyEvents()))
                .verdicts(certificate.events());
        Optional<SignatureVerdict> notHolding = signatures.stream().filter(verdict -> !verdict.valid()).findFirst();
        if (notHolding.isPresent()) {
            return CertificateCheck.failed("a signature does not hold: " + notHolding.get().line(), signatures);
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
                + " events" + (keyChains.eventsChecked() == 0 ? "" : " and " + keyChains.eventsChecked()
                + " events of the keys that signed") + ", every hash and link recomputed; each is a leaf of the log's"
                + " tree of size " + checkpoint.size() + " with root "
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + ", signed by " + trustedKey.name()
                + extension + signaturesSummary(signatures), signatures);
    }

    /** Why a logged event does not hold, if it does not: its chain, its read-outs, its leaf's order and proof. */
    private static Optional<String> problemWith(LoggedEvent logged, ChainVerifier chain, long previousLeaf,
                                                Checkpoint checkpoint) {
        AuditEvent event = logged.event();
        Optional<LedgerMismatch> mismatch = chain.check(ChainedEvent.of(event.toPositionedEvent()));
        if (mismatch.isPresent()) {
            LedgerMismatch found = mismatch.get();
            return Optional.of(found.reason() + ": " + found.detail()
                    + (found.expected() == null ? "" : " (expected " + found.expected() + ")")
                    + (found.stored() == null ? "" : " (stored " + found.stored() + ")"));
        }
        Optional<String> misread = event.readOutMismatch();
        if (misread.isPresent()) {
            return misread;
        }
        if (logged.leafIndex() <= previousLeaf) {
            return Optional.of("its leaf does not follow the leaf of the event before it");
        }
        try {
            MerkleProofs.verifyInclusion(logged.leafIndex(), checkpoint.size(), LogLeaf.hashOf(event.hash()),
                    hashes(logged.inclusionProof()), checkpoint.rootHash());
            return Optional.empty();
        } catch (ProofException notIncluded) {
            return Optional.of("it is not a leaf of the checkpoint's tree: " + notIncluded.getMessage());
        }
    }

    /** The terms of the agreement's proposal among the events; null when there is none that reads. */
    private static AgreementTerms termsIn(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::event)
                .filter(event -> AgreementProposed.class.getName().equals(event.payloadType()))
                .findFirst()
                .map(proposal -> {
                    try {
                        return AgreementTerms.ofStoredProposal(proposal.toPositionedEvent().event().payload());
                    } catch (IllegalArgumentException unreadable) {
                        return null;
                    }
                })
                .orElse(null);
    }

    private static String signaturesSummary(List<SignatureVerdict> signatures) {
        if (signatures.isEmpty()) {
            return "";
        }
        long byKey = signatures.stream().filter(verdict -> verdict.assurance() == SignatureAssurance.SIGNER_KEY).count();
        return "; " + signatures.size() + " signed acts: " + byKey + " with the signer's own key, each checked"
                + " against the key's events, " + (signatures.size() - byKey) + " by an account only";
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
