package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.ledger.audit.LogConsistency;
import org.agreementledger.ledger.audit.LoggedEvent;
import org.agreementledger.ledger.event.SignedAct;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyEvent;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.merkle.LogCheckpoints;
import org.agreementledger.projections.merkle.LogCheckpoints.SignedCheckpoint;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.agreementledger.projections.merkle.StoredSubtrees;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues an agreement's certificate: its events as stored, each with its inclusion proof in the
 * tree of the log's latest signed checkpoint, the same for the events of the keys that signed them,
 * that checkpoint, and on request the proof that the
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
        List<LoggedEvent> logged = events.stream()
                .map(event -> logged(event, subtrees.leafIndexOf(event.globalPosition()).orElseThrow(), size)).toList();
        LogConsistency consistency = consistentWith == null ? null : new LogConsistency(consistentWith, size,
                base64(subtrees.withSubtreesRead(tree -> tree.consistencyProof(consistentWith, size))));
        return Optional.of(new AgreementCertificate(AgreementCertificate.FORMAT, agreementId, Instant.now(clock),
                logged, keyEventsFor(events, size), checkpoint.note(), consistency));
    }

    /**
     * The events in the tree of the given size of every key that signed one of the events, and of
     * every key that approved such a key, in log order.
     */
    private List<LoggedEvent> keyEventsFor(List<AuditEvent> events, long size) {
        Deque<String> toVisit = new ArrayDeque<>();
        events.forEach(event -> event.signedAct().map(SignedAct::signature)
                .ifPresent(signature -> toVisit.add(signature.keyId())));
        Set<String> visited = new HashSet<>();
        List<LoggedEvent> keyEvents = new ArrayList<>();
        while (!toVisit.isEmpty()) {
            String keyId = toVisit.poll();
            if (!visited.add(keyId)) {
                continue;
            }
            for (AuditEvent event : auditTrail.historyOf(keyId)) {
                Optional<Long> leaf = subtrees.leafIndexOf(event.globalPosition()).filter(index -> index < size);
                if (!SignerKeyEvent.AGGREGATE_TYPE.equals(event.aggregateType()) || leaf.isEmpty()) {
                    continue;
                }
                keyEvents.add(logged(event, leaf.get(), size));
                String approvingKey = event.payload().path("signature").path("keyId").textValue();
                if (event.payloadType().equals(SignerKeyApproved.class.getName()) && approvingKey != null) {
                    toVisit.add(approvingKey);
                }
            }
        }
        keyEvents.sort(Comparator.comparingLong(LoggedEvent::leafIndex));
        return keyEvents;
    }

    private LoggedEvent logged(AuditEvent event, long leaf, long size) {
        return new LoggedEvent(event, leaf, base64(subtrees.withSubtreesRead(tree -> tree.inclusionProof(leaf, size))));
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
