package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.ChainedEvent;
import org.agreementledger.ledger.chain.PositionedEvent;

import java.util.Optional;

/**
 * Follows the writing nodes' attestations through the events in global order: an attestation that
 * does not verify with the log's key is a forgery, and so is an event without one once attested
 * events have begun (events written before attestation existed carry none).
 */
public final class AttestationCheck {

    private final EventAttestation attestation;
    private Long attestedSince;

    /**
     * @param attestedSince the position of an attested event before the first one to check, or null
     *                      when no event before it is attested
     */
    public AttestationCheck(EventAttestation attestation, Long attestedSince) {
        this.attestation = attestation;
        this.attestedSince = attestedSince;
    }

    /** The event's forgery, if it is one; events given in global order, each after its chain check. */
    public Optional<LedgerMismatch> check(ChainedEvent chained) {
        PositionedEvent event = chained.positioned();
        String hash = chained.storedHash();
        String attested = chained.storedAttestation();
        if (attested == null) {
            return attestedSince == null ? Optional.empty() : Optional.of(LedgerMismatch.atEvent(MismatchReason.FORGED,
                    "the event carries no attestation of the node that wrote it, although the events before it do"
                            + " (the event at position " + attestedSince + " is attested): it was not written by the ledger",
                    event, null, null));
        }
        if (!attestation.verifies(hash, attested)) {
            return Optional.of(LedgerMismatch.atEvent(MismatchReason.FORGED,
                    "the event's attestation does not verify with the log's key: it was not written by the ledger",
                    event, null, attested));
        }
        if (attestedSince == null) {
            attestedSince = event.globalPosition();
        }
        return Optional.empty();
    }
}
