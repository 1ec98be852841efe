package org.agreementledger.api.web.audit;

import org.agreementledger.ledger.audit.AuditEvent;

import java.util.List;
import java.util.UUID;

/** The audit trail of one agreement: all its events, in chain order. */
record AgreementHistory(UUID agreementId, List<AuditEvent> events) {
}
