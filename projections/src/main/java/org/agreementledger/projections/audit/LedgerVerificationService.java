package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.LedgerVerification;
import org.agreementledger.ledger.audit.LedgerVerifier;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.projections.eventstore.LedgerHorizon;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Service;

/**
 * Verifies every hash chain and every recorded digest from the stored events, through the stable
 * position, reading the event table a batch at a time.
 */
@Service
public class LedgerVerificationService {

    private static final int BATCH_SIZE = 1000;

    private final LedgerHorizon horizon;
    private final StoredEvents storedEvents;
    private final RecordedDigests recordedDigests;
    private final EventAttestation attestation;

    public LedgerVerificationService(LedgerHorizon horizon, StoredEvents storedEvents,
                                     RecordedDigests recordedDigests, EventAttestation attestation) {
        this.horizon = horizon;
        this.storedEvents = storedEvents;
        this.recordedDigests = recordedDigests;
        this.attestation = attestation;
    }

    public LedgerVerification verify() {
        long through = horizon.stablePosition();
        return LedgerVerifier.verify(through, storedEvents.inGlobalOrder(0, through, BATCH_SIZE),
                recordedDigests.all(), recordedDigests.headsMoved(), attestation);
    }
}
