package org.agreementledger.api.web.command;

import org.agreementledger.ledger.domain.AgreementStatus;

import java.util.UUID;

/**
 * The answer to an accepted command: the agreement, the status it is in now, the correlation id, and
 * the global position of the command's last event, which a query sends back as {@code X-Ledger-Position}
 * to read this write.
 */
record CommandAccepted(UUID agreementId, AgreementStatus status, String correlationId, long position) {
}
