package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agreement as it stands now. {@code fullySignedOn} is the last signature's date;
 * {@code declined}, {@code withdrawal} and {@code certification} are {@code null} until they happen.
 */
public record AgreementView(UUID agreementId,
                            String title,
                            CooperationKind kind,
                            String sector,
                            AgreementStatus status,
                            Money value,
                            String occasion,
                            LocalDate proposedOn,
                            String proposedBy,
                            List<PartyView> parties,
                            LocalDate fullySignedOn,
                            DeclineView declined,
                            WithdrawalView withdrawal,
                            CertificationView certification) {
}
