package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.DeclineAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.domain.PartyAlreadySignedException;
import org.agreementledger.ledger.domain.UnknownPartyException;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.agreementledger.ledger.agreement.AgreementTestData.AGREEMENT_ID;
import static org.agreementledger.ledger.agreement.AgreementTestData.KBTU;
import static org.agreementledger.ledger.agreement.AgreementTestData.PROPOSED_ON;
import static org.agreementledger.ledger.agreement.AgreementTestData.TODAY;
import static org.agreementledger.ledger.agreement.AgreementTestData.TOMORROW;
import static org.agreementledger.ledger.agreement.AgreementTestData.URUMQI_ENTERPRISE;
import static org.agreementledger.ledger.agreement.AgreementTestData.WUHAN_INSTITUTE;
import static org.agreementledger.ledger.agreement.AgreementTestData.certifiedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.declined;
import static org.agreementledger.ledger.agreement.AgreementTestData.declinedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.fullySignedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.onField;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposed;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposedWithThreeParties;
import static org.agreementledger.ledger.agreement.AgreementTestData.signed;
import static org.agreementledger.ledger.agreement.AgreementTestData.whileIn;
import static org.agreementledger.ledger.agreement.AgreementTestData.withdrawnHistory;

class DeclineAgreementTest {

    private static final LocalDate AUG_23 = LocalDate.of(2024, 8, 23);
    private static final LocalDate AUG_25 = LocalDate.of(2024, 8, 25);
    private static final LocalDate AUG_30 = LocalDate.of(2024, 8, 30);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = AgreementTestData.fixture();
    }

    private static DeclineAgreement decline(Party party, LocalDate declinedOn) {
        return new DeclineAgreement(AGREEMENT_ID, party.partyId(), declinedOn, null);
    }

    // accepted

    @Test
    void aPartyDecliningIsRecordedAsAgreementDeclined() {
        fixture.given(proposed())
                .when(new DeclineAgreement(AGREEMENT_ID, KBTU.partyId(), AUG_25, " Budget not approved "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementDeclined(AGREEMENT_ID, KBTU.partyId(), AUG_25, "Budget not approved"));
    }

    @Test
    void decliningAnswersDeclined() {
        fixture.given(proposed())
                .when(decline(KBTU, AUG_25))
                .expectResultMessagePayload(AgreementStatus.DECLINED);
    }

    @Test
    void aBlankReasonIsRecordedAsNone() {
        fixture.given(proposed())
                .when(new DeclineAgreement(AGREEMENT_ID, KBTU.partyId(), AUG_25, "  "))
                .expectEvents(declined(KBTU, AUG_25));
    }

    @Test
    void aPartyThatHasNotSignedMayDeclineAfterAnotherPartySigned() {
        fixture.given(proposed(), signed(URUMQI_ENTERPRISE, AUG_23))
                .when(decline(KBTU, AUG_25))
                .expectEvents(declined(KBTU, AUG_25));
    }

    @Test
    void aPartyMayDeclineOnTheProposalDate() {
        fixture.given(proposed())
                .when(decline(KBTU, PROPOSED_ON))
                .expectEvents(declined(KBTU, PROPOSED_ON));
    }

    @Test
    void aPartyMayDeclineToday() {
        fixture.given(proposed())
                .when(decline(KBTU, TODAY))
                .expectEvents(declined(KBTU, TODAY));
    }

    // refused: who declines

    @Test
    void aPartyNotListedOnTheAgreementCannotDecline() {
        fixture.given(proposed())
                .when(decline(WUHAN_INSTITUTE, AUG_25))
                .expectException(UnknownPartyException.class)
                .expectNoEvents();
    }

    @Test
    void aPartyThatHasSignedCannotDecline() {
        fixture.given(proposedWithThreeParties(), signed(KBTU, AUG_23))
                .when(decline(KBTU, AUG_25))
                .expectException(PartyAlreadySignedException.class)
                .expectNoEvents();
    }

    // refused: lifecycle

    @Test
    void aDeclinedAgreementCannotBeDeclinedAgain() {
        fixture.given(declinedHistory())
                .when(decline(URUMQI_ENTERPRISE, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.DECLINED))
                .expectNoEvents();
    }

    @Test
    void aFullySignedAgreementCannotBeDeclined() {
        fixture.given(fullySignedHistory())
                .when(decline(KBTU, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.SIGNED))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAgreementCannotBeDeclined() {
        fixture.given(withdrawnHistory())
                .when(decline(KBTU, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void aCertifiedAgreementCannotBeDeclined() {
        fixture.given(certifiedHistory())
                .when(decline(KBTU, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.CERTIFIED))
                .expectNoEvents();
    }

    // refused: date

    @Test
    void aDeclineDatedBeforeTheProposalIsRefused() {
        fixture.given(proposed())
                .when(decline(KBTU, PROPOSED_ON.minusDays(1)))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("declinedOn"))
                .expectNoEvents();
    }

    @Test
    void aDeclineDatedInTheFutureIsRefused() {
        fixture.given(proposed())
                .when(decline(KBTU, TOMORROW))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("declinedOn"))
                .expectNoEvents();
    }

    @Test
    void aDeclineWithoutADateIsRefused() {
        fixture.given(proposed())
                .when(decline(KBTU, null))
                .expectException(InvalidAgreementException.class)
                .expectException(onField("declinedOn"))
                .expectNoEvents();
    }
}
