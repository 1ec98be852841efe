package org.agreementledger.projections.audit;

import org.agreementledger.ledger.audit.AuditEvent;
import org.agreementledger.ledger.audit.LedgerMismatch;

import java.util.List;

/**
 * One agreement's events in chain order and what following its hash chain found.
 *
 * @param firstMismatch the first event whose hash or link does not match; null when every event verifies
 */
public record CheckedHistory(List<AuditEvent> events, LedgerMismatch firstMismatch) {
}
