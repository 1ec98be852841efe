package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.ledger.audit.LedgerDigest;
import org.agreementledger.ledger.audit.RecordedDigest;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues an agreement's certificate: its events as stored, and the first recorded ledger digest
 * that covers its last event (recorded now if none does yet) with every chain head it was taken over.
 */
@Service
public class AgreementCertificates {

    private final AuditTrail auditTrail;
    private final StoredEvents storedEvents;
    private final RecordedDigests recordedDigests;
    private final LedgerDigestRecorder digestRecorder;
    private final Clock clock;

    public AgreementCertificates(AuditTrail auditTrail, StoredEvents storedEvents, RecordedDigests recordedDigests,
                                 LedgerDigestRecorder digestRecorder, Clock clock) {
        this.auditTrail = auditTrail;
        this.storedEvents = storedEvents;
        this.recordedDigests = recordedDigests;
        this.digestRecorder = digestRecorder;
        this.clock = clock;
    }

    /** The certificate, or empty when there is no such agreement. */
    public Optional<AgreementCertificate> certificateOf(String agreementId) {
        List<AuditEvent> events = auditTrail.historyOf(agreementId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        long lastPosition = events.get(events.size() - 1).globalPosition();
        RecordedDigest digest = recordedDigests.firstCovering(lastPosition)
                .orElseGet(() -> digestRecorder.record().digest());
        return Optional.of(new AgreementCertificate(AgreementCertificate.FORMAT, agreementId, Instant.now(clock),
                events, digest, LedgerDigest.sorted(storedEvents.chainHeadsThrough(digest.coversThroughPosition()))));
    }
}
