package org.agreementledger.projections.totals;

import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.agreementledger.projections.totals.StageChange.enters;
import static org.agreementledger.projections.totals.StageChange.leaves;
import static org.assertj.core.api.Assertions.assertThat;

/** The brief's definition of the stages, event by event. */
class StageChangesTest {

    private static final UUID ID = UUID.randomUUID();
    private static final AgreementProposed PROPOSED = new AgreementProposed(ID, "Joint laboratory",
            CooperationKind.TECHNOLOGY, "BIOMEDICINE",
            List.of(new Party("A", "A", OrganisationType.UNIVERSITY, "Urumqi", "CN"),
                    new Party("B", "B", OrganisationType.ENTERPRISE, "Almaty", "KZ")),
            Money.of("10.00", "CNY"), null, LocalDate.of(2023, 12, 30), "registrar");
    private static final TotalsFacts FACTS = TotalsFacts.of(PROPOSED);

    @Test
    void aProposalIsPendingInTheYearOfTheProposal() {
        assertThat(StageChanges.causedBy(PROPOSED, FACTS)).containsExactly(enters(Stage.PENDING, 2023));
    }

    @Test
    void oneSignatureMovesNoStage() {
        assertThat(StageChanges.causedBy(new AgreementSigned(ID, "A", LocalDate.of(2024, 1, 2)), FACTS)).isEmpty();
    }

    @Test
    void theLastSignatureMovesItFromPendingToSignedInTheYearOfThatSignature() {
        assertThat(StageChanges.causedBy(new AgreementFullySigned(ID, LocalDate.of(2024, 1, 2)), FACTS))
                .containsExactly(leaves(Stage.PENDING, 2023), enters(Stage.SIGNED, 2024));
    }

    @Test
    void aDeclineOrAWithdrawalTakesItOutOfPending() {
        assertThat(StageChanges.causedBy(new AgreementDeclined(ID, "B", LocalDate.of(2024, 1, 2), null), FACTS))
                .containsExactly(leaves(Stage.PENDING, 2023));
        assertThat(StageChanges.causedBy(new AgreementWithdrawn(ID, LocalDate.of(2024, 1, 2), null), FACTS))
                .containsExactly(leaves(Stage.PENDING, 2023));
    }

    @Test
    void aCertificationAddsCertifiedInItsYearAndLeavesSignedAsItIs() {
        AgreementCertified certified = new AgreementCertified(ID, "C-1", LocalDate.of(2025, 3, 1));
        assertThat(StageChanges.causedBy(certified, FACTS.after(certified)))
                .containsExactly(enters(Stage.CERTIFIED, 2025));
    }

    @Test
    void aRevocationTakesItOutOfCertifiedInTheYearItWasCertifiedAndLeavesSigned() {
        TotalsFacts certified = FACTS.after(new AgreementCertified(ID, "C-1", LocalDate.of(2025, 3, 1)));
        assertThat(StageChanges.causedBy(new CertificationRevoked(ID, "C-1", LocalDate.of(2026, 1, 5), null), certified))
                .containsExactly(leaves(Stage.CERTIFIED, 2025));
    }
}
