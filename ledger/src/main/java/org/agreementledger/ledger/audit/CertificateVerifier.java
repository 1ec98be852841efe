package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.CanonicalJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an agreement certificate offline, with no database and no service: recomputes every
 * event's hash and link from its stored content, finds the agreement's chain head among the
 * digest's chain heads, and recomputes the ledger digest from those heads. Whoever compares the
 * digest with one published or noted earlier knows the agreement's events are the ones recorded.
 *
 * <p>Run: {@code java -jar ledger/target/ledger-0.1.0-SNAPSHOT-certificate-verifier.jar certificate.json};
 * exit status 0 when valid, 1 when not, 2 when the file cannot be read as a certificate.
 */
public final class CertificateVerifier {

    private CertificateVerifier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line: checks the certificate file named and answers the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: java -jar ledger-<version>-certificate-verifier.jar <certificate.json>");
            return 2;
        }
        AgreementCertificate certificate;
        try {
            certificate = CanonicalJson.read(Files.readAllBytes(Path.of(args[0])), AgreementCertificate.class);
        } catch (IOException | RuntimeException unreadable) {
            err.println("cannot read " + args[0] + " as an agreement certificate: " + unreadable.getMessage());
            return 2;
        }
        CertificateCheck check = verify(certificate);
        out.println((check.valid() ? "VALID: " : "NOT VALID: ") + check.summary());
        return check.valid() ? 0 : 1;
    }

    public static CertificateCheck verify(AgreementCertificate certificate) {
        if (!AgreementCertificate.FORMAT.equals(certificate.format())) {
            return CertificateCheck.failed("the format is '" + certificate.format() + "', not '"
                    + AgreementCertificate.FORMAT + "'");
        }
        if (certificate.agreementId() == null) {
            return CertificateCheck.failed("the certificate names no agreement");
        }
        if (certificate.events() == null || certificate.events().isEmpty()) {
            return CertificateCheck.failed("the certificate holds no events");
        }
        if (certificate.digest() == null || certificate.chainHeads() == null) {
            return CertificateCheck.failed("the certificate holds no ledger digest with its chain heads");
        }
        ChainVerifier chain = new ChainVerifier();
        long lastPosition = 0;
        for (AuditEvent event : certificate.events()) {
            if (!certificate.agreementId().equals(event.agreementId())) {
                return CertificateCheck.failed("event at position " + event.globalPosition()
                        + " belongs to agreement " + event.agreementId() + ", not " + certificate.agreementId());
            }
            Optional<LedgerMismatch> mismatch = chain.check(event.toPositionedEvent());
            if (mismatch.isPresent()) {
                LedgerMismatch found = mismatch.get();
                return CertificateCheck.failed("event " + found.sequenceNumber() + " (position "
                        + found.globalPosition() + "): " + found.reason() + ": " + found.detail()
                        + " (expected " + found.expected() + ", stored " + found.stored() + ")");
            }
            Optional<String> misread = event.readOutMismatch();
            if (misread.isPresent()) {
                return CertificateCheck.failed("event " + event.sequenceNumber() + " (position "
                        + event.globalPosition() + "): " + misread.get());
            }
            lastPosition = event.globalPosition();
        }
        ChainHead head = chain.headOf(certificate.agreementId()).orElseThrow();
        return checkDigest(certificate.digest(), certificate.chainHeads(), head, lastPosition)
                .map(CertificateCheck::failed)
                .orElseGet(() -> CertificateCheck.passed("agreement " + certificate.agreementId() + ": "
                        + chain.eventsChecked() + " events, every hash and link recomputed; its chain head (event "
                        + head.sequenceNumber() + ", hash " + head.hash() + ") is one of the "
                        + certificate.chainHeads().size() + " chain heads of ledger digest "
                        + certificate.digest().id() + " through position "
                        + certificate.digest().coversThroughPosition() + ", recorded "
                        + certificate.digest().recordedAt() + "; the digest recomputed from them is "
                        + certificate.digest().digest()));
    }

    /** The first thing wrong with the digest part, if any. */
    private static Optional<String> checkDigest(RecordedDigest digest, List<ChainHead> chainHeads, ChainHead head,
                                                long lastPosition) {
        if (digest.coversThroughPosition() < lastPosition) {
            return Optional.of("ledger digest " + digest.id() + " covers positions through "
                    + digest.coversThroughPosition() + ", not the agreement's last event at " + lastPosition);
        }
        if (!chainHeads.contains(head)) {
            return Optional.of("the agreement's chain head (event " + head.sequenceNumber() + ", hash " + head.hash()
                    + ") is not among the chain heads of ledger digest " + digest.id());
        }
        Set<String> agreements = new HashSet<>();
        for (ChainHead chainHead : chainHeads) {
            if (!agreements.add(chainHead.agreementId())) {
                return Optional.of("agreement " + chainHead.agreementId() + " has more than one chain head");
            }
        }
        String recomputed = LedgerDigest.of(chainHeads);
        if (chainHeads.size() != digest.chainCount() || !recomputed.equals(digest.digest())) {
            return Optional.of("the " + chainHeads.size() + " chain heads give digest " + recomputed
                    + ", but ledger digest " + digest.id() + " recorded " + digest.chainCount() + " chains with digest "
                    + digest.digest());
        }
        return Optional.empty();
    }
}
