package org.agreementledger.ledger.domain;

import org.agreementledger.ledger.command.DeclineAgreement;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.rules.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.rules.InvalidAgreementException;
import org.agreementledger.ledger.rules.LifecycleViolationException;
import org.agreementledger.ledger.rules.PartyAlreadySignedException;
import org.agreementledger.ledger.rules.UnknownPartyException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.agreementledger.ledger.domain.AgreementTestData.AGREEMENT_ID;
import static org.agreementledger.ledger.domain.AgreementTestData.KBTU;
import static org.agreementledger.ledger.domain.AgreementTestData.PROPOSED_ON;
import static org.agreementledger.ledger.domain.AgreementTestData.TODAY;
import static org.agreementledger.ledger.domain.AgreementTestData.TOMORROW;
import static org.agreementledger.ledger.domain.AgreementTestData.URUMQI_ENTERPRISE;
import static org.agreementledger.ledger.domain.AgreementTestData.WUHAN_INSTITUTE;
import static org.agreementledger.ledger.domain.AgreementTestData.certifiedHistory;
import static org.agreementledger.ledger.domain.AgreementTestData.declined;
import static org.agreementledger.ledger.domain.AgreementTestData.declinedHistory;
import static org.agreementledger.ledger.domain.AgreementTestData.fullySignedHistory;
import static org.agreementledger.ledger.domain.AgreementTestData.onField;
import static org.agreementledger.ledger.domain.AgreementTestData.proposed;
import static org.agreementledger.ledger.domain.AgreementTestData.proposedWithThreeParties;
import static org.agreementledger.ledger.domain.AgreementTestData.signed;
import static org.agreementledger.ledger.domain.AgreementTestData.whileIn;
import static org.agreementledger.ledger.domain.AgreementTestData.withdrawnHistory;

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
