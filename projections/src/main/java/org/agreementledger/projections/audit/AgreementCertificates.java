package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.ledger.audit.LogConsistency;
import org.agreementledger.ledger.audit.LoggedEvent;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.merkle.LogCheckpoints;
import org.agreementledger.projections.merkle.LogCheckpoints.SignedCheckpoint;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.agreementledger.projections.merkle.StoredSubtrees;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Issues an agreement's certificate: its events as stored, each with its inclusion proof in the
 * tree of the log's latest signed checkpoint, that checkpoint, and on request the proof that the
 * tree extends an earlier one the auditor kept. The agreement's events are integrated on the spot
 * when the log has not reached them yet.
 */
@Service
public class AgreementCertificates {

    private final AuditTrail auditTrail;
    private final StoredSubtrees subtrees;
    private final LogCheckpoints checkpoints;
    private final MerkleLogIntegrator integrator;
    private final Clock clock;

    public AgreementCertificates(AuditTrail auditTrail, StoredSubtrees subtrees, LogCheckpoints checkpoints,
                                 MerkleLogIntegrator integrator, Clock clock) {
        this.auditTrail = auditTrail;
        this.subtrees = subtrees;
        this.checkpoints = checkpoints;
        this.integrator = integrator;
        this.clock = clock;
    }

    /**
     * The certificate, or empty when there is no such agreement.
     *
     * @param consistentWith the size of a tree whose checkpoint the auditor kept, or null
     */
    public Optional<AgreementCertificate> certificateOf(String agreementId, Long consistentWith) {
        List<AuditEvent> events = auditTrail.historyOf(agreementId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        long lastPosition = events.get(events.size() - 1).globalPosition();
        if (subtrees.leafIndexOf(lastPosition).isEmpty()) {
            try {
                integrator.integrateWaiting();
            } catch (PessimisticLockingFailureException integratorBusy) {
                throw new NotYetLoggedException("The log's integrator is busy: the agreement's last event is not in"
                        + " the log's signed tree yet. Ask again shortly.");
            }
        }
        SignedCheckpoint checkpoint = checkpoints.latest()
                .filter(latest -> subtrees.leafIndexOf(lastPosition).filter(leaf -> leaf < latest.treeSize()).isPresent())
                .orElseThrow(() -> new NotYetLoggedException("The agreement's last event is not in the log's signed tree"
                        + " yet: events are integrated within seconds of being written. Ask again shortly."));
        long size = checkpoint.treeSize();
        if (consistentWith != null && (consistentWith < 1 || consistentWith > size)) {
            throw new InvalidQueryException("consistentWith", "consistentWith is the size of a tree you kept a"
                    + " checkpoint of, from 1 to " + size + ", the size of the latest signed checkpoint");
        }
        List<LoggedEvent> logged = new ArrayList<>();
        for (AuditEvent event : events) {
            long leaf = subtrees.leafIndexOf(event.globalPosition()).orElseThrow();
            logged.add(new LoggedEvent(event, leaf,
                    base64(subtrees.withSubtreesRead(tree -> tree.inclusionProof(leaf, size)))));
        }
        LogConsistency consistency = consistentWith == null ? null : new LogConsistency(consistentWith, size,
                base64(subtrees.withSubtreesRead(tree -> tree.consistencyProof(consistentWith, size))));
        return Optional.of(new AgreementCertificate(AgreementCertificate.FORMAT, agreementId, Instant.now(clock),
                logged, checkpoint.note(), consistency));
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
