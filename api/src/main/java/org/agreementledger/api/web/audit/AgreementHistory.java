package org.agreementledger.api.web.audit;

import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.ledger.audit.LedgerMismatch;

import java.util.List;
import java.util.UUID;

/**
 * The audit trail of one agreement: all its events, in chain order, and whether its hash chain
 * verifies from the first event to the last.
 *
 * @param chainIntact   every event's hash recomputes from its stored content and links to the one before
 * @param firstMismatch where the chain stops verifying (every event before it verifies); null when intact
 */
record AgreementHistory(UUID agreementId, List<AuditEvent> events, boolean chainIntact, LedgerMismatch firstMismatch) {
}
