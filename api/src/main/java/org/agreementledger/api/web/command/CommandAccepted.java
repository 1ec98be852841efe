package org.agreementledger.api.web.command;

import org.agreementledger.ledger.domain.AgreementStatus;

import java.util.UUID;

/** The answer to an accepted command: the agreement, the status it is in now, the correlation id. */
record CommandAccepted(UUID agreementId, AgreementStatus status, String correlationId) {
}
