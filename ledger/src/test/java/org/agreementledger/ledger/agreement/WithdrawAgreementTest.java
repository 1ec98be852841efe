package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.WithdrawAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.domain.NotTheProposerException;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.agreementledger.ledger.agreement.AgreementTestData.AGREEMENT_ID;
import static org.agreementledger.ledger.agreement.AgreementTestData.PROPOSED_ON;
import static org.agreementledger.ledger.agreement.AgreementTestData.REGISTRAR;
import static org.agreementledger.ledger.agreement.AgreementTestData.TODAY;
import static org.agreementledger.ledger.agreement.AgreementTestData.TOMORROW;
import static org.agreementledger.ledger.agreement.AgreementTestData.URUMQI_ENTERPRISE;
import static org.agreementledger.ledger.agreement.AgreementTestData.certifiedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.declinedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.fullySignedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.onField;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposed;
import static org.agreementledger.ledger.agreement.AgreementTestData.signed;
import static org.agreementledger.ledger.agreement.AgreementTestData.whileIn;
import static org.agreementledger.ledger.agreement.AgreementTestData.withdrawn;
import static org.agreementledger.ledger.agreement.AgreementTestData.withdrawnHistory;

class WithdrawAgreementTest {

    private static final LocalDate AUG_23 = LocalDate.of(2024, 8, 23);
    private static final LocalDate AUG_25 = LocalDate.of(2024, 8, 25);
    private static final LocalDate AUG_30 = LocalDate.of(2024, 8, 30);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = AgreementTestData.fixture();
    }

    private static WithdrawAgreement withdraw(LocalDate withdrawnOn, String requestedBy) {
        return new WithdrawAgreement(AGREEMENT_ID, withdrawnOn, null, requestedBy);
    }

    // accepted

    @Test
    void theProposerWithdrawingIsRecordedAsAgreementWithdrawn() {
        fixture.given(proposed())
                .when(new WithdrawAgreement(AGREEMENT_ID, AUG_25, " Duplicate entry ", REGISTRAR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementWithdrawn(AGREEMENT_ID, AUG_25, "Duplicate entry"));
    }

    @Test
    void withdrawingAnswersWithdrawn() {
        fixture.given(proposed())
                .when(withdraw(AUG_25, REGISTRAR))
                .expectResultMessagePayload(AgreementStatus.WITHDRAWN);
    }

    @Test
    void theProposerMayWithdrawAfterSomePartiesSigned() {
        fixture.given(proposed(), signed(URUMQI_ENTERPRISE, AUG_23))
                .when(withdraw(AUG_25, REGISTRAR))
                .expectEvents(withdrawn(AUG_25));
    }

    @Test
    void theProposerMayWithdrawOnTheProposalDate() {
        fixture.given(proposed())
                .when(withdraw(PROPOSED_ON, REGISTRAR))
                .expectEvents(withdrawn(PROPOSED_ON));
    }

    @Test
    void theProposerMayWithdrawToday() {
        fixture.given(proposed())
                .when(withdraw(TODAY, REGISTRAR))
                .expectEvents(withdrawn(TODAY));
    }

    // refused: who withdraws

    @Test
    void anotherRegistrarCannotWithdraw() {
        fixture.given(proposed())
                .when(withdraw(AUG_25, "registrar.wuhan-bureau"))
                .expectException(NotTheProposerException.class)
                .expectNoEvents();
    }

    @Test
    void aWithdrawalWithoutARequesterIsRefused() {
        fixture.given(proposed())
                .when(withdraw(AUG_25, null))
                .expectException(NotTheProposerException.class)
                .expectNoEvents();
    }

    // refused: lifecycle

    @Test
    void aWithdrawnAgreementCannotBeWithdrawnAgain() {
        fixture.given(withdrawnHistory())
                .when(withdraw(AUG_30, REGISTRAR))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void aFullySignedAgreementCannotBeWithdrawn() {
        fixture.given(fullySignedHistory())
                .when(withdraw(AUG_30, REGISTRAR))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.SIGNED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAgreementCannotBeWithdrawn() {
        fixture.given(declinedHistory())
                .when(withdraw(AUG_30, REGISTRAR))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.DECLINED))
                .expectNoEvents();
    }

    @Test
    void aCertifiedAgreementCannotBeWithdrawn() {
        fixture.given(certifiedHistory())
                .when(withdraw(AUG_30, REGISTRAR))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.CERTIFIED))
                .expectNoEvents();
    }

    // refused: date

    @Test
    void aWithdrawalDatedBeforeTheProposalIsRefused() {
        fixture.given(proposed())
                .when(withdraw(PROPOSED_ON.minusDays(1), REGISTRAR))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawalDatedInTheFutureIsRefused() {
        fixture.given(proposed())
                .when(withdraw(TOMORROW, REGISTRAR))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawalWithoutADateIsRefused() {
        fixture.given(proposed())
                .when(withdraw(null, REGISTRAR))
                .expectException(InvalidAgreementException.class)
                .expectException(onField("withdrawnOn"))
                .expectNoEvents();
    }
}
