package org.agreementledger.projections.reconciliation;

import org.agreementledger.ledger.domain.AgreementStatus;

import java.util.UUID;

/** An agreement whose status in the read model differs from its events' ({@code null}: absent there). */
public record AgreementDifference(UUID agreementId, AgreementStatus recomputed, AgreementStatus readModel) {
}
