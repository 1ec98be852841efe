package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.SignAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.domain.PartyAlreadySignedException;
import org.agreementledger.ledger.domain.UnknownPartyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import static org.agreementledger.ledger.agreement.AgreementTestData.declinedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.fullySigned;
import static org.agreementledger.ledger.agreement.AgreementTestData.fullySignedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.onField;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposed;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposedWithThreeParties;
import static org.agreementledger.ledger.agreement.AgreementTestData.revokedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.signed;
import static org.agreementledger.ledger.agreement.AgreementTestData.whileIn;
import static org.agreementledger.ledger.agreement.AgreementTestData.withdrawnHistory;

class SignAgreementTest {

    private static final LocalDate AUG_23 = LocalDate.of(2024, 8, 23);
    private static final LocalDate AUG_26 = LocalDate.of(2024, 8, 26);
    private static final LocalDate AUG_30 = LocalDate.of(2024, 8, 30);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = AgreementTestData.fixture();
    }

    private static SignAgreement sign(Party party, LocalDate signedOn) {
        return new SignAgreement(AGREEMENT_ID, party.partyId(), signedOn);
    }

    // accepted

    @Test
    void aPartySigningIsRecordedAsAgreementSigned() {
        fixture.given(proposed())
                .when(sign(URUMQI_ENTERPRISE, AUG_23))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed(URUMQI_ENTERPRISE, AUG_23));
    }

    @Test
    void aSignatureThatLeavesAPartyUnsignedAnswersProposed() {
        fixture.given(proposed())
                .when(sign(URUMQI_ENTERPRISE, AUG_23))
                .expectResultMessagePayload(AgreementStatus.PROPOSED);
    }

    @Test
    void aSignatureThatLeavesAPartyUnsignedDoesNotCompleteTheAgreement() {
        fixture.given(proposedWithThreeParties(), signed(URUMQI_ENTERPRISE, AUG_23))
                .when(sign(KBTU, AUG_26))
                .expectEvents(signed(KBTU, AUG_26));
    }

    @Test
    void theLastPartySigningAlsoRecordsAgreementFullySigned() {
        fixture.given(proposed(), signed(URUMQI_ENTERPRISE, AUG_23))
                .when(sign(KBTU, AUG_26))
                .expectEvents(signed(KBTU, AUG_26), fullySigned(AUG_26));
    }

    @Test
    void theLastPartySigningAnswersSigned() {
        fixture.given(proposed(), signed(URUMQI_ENTERPRISE, AUG_23))
                .when(sign(KBTU, AUG_26))
                .expectResultMessagePayload(AgreementStatus.SIGNED);
    }

    @Test
    void theLastPartyOfThreeSigningCompletesTheAgreement() {
        fixture.given(proposedWithThreeParties(), signed(URUMQI_ENTERPRISE, AUG_23), signed(KBTU, AUG_26))
                .when(sign(WUHAN_INSTITUTE, AUG_30))
                .expectEvents(signed(WUHAN_INSTITUTE, AUG_30), fullySigned(AUG_30));
    }

    @Test
    void theAgreementIsFullySignedOnTheLatestSignatureDateNotTheLastOneRecorded() {
        fixture.given(proposed(), signed(URUMQI_ENTERPRISE, AUG_30))
                .when(sign(KBTU, AUG_23))
                .expectEvents(signed(KBTU, AUG_23), fullySigned(AUG_30));
    }

    @Test
    void aPartyMaySignOnTheProposalDate() {
        fixture.given(proposed())
                .when(sign(KBTU, PROPOSED_ON))
                .expectEvents(signed(KBTU, PROPOSED_ON));
    }

    @Test
    void aPartyMaySignToday() {
        fixture.given(proposed())
                .when(sign(KBTU, TODAY))
                .expectEvents(signed(KBTU, TODAY));
    }

    // refused: who signs

    @Test
    void aPartyNotListedOnTheAgreementCannotSign() {
        fixture.given(proposed())
                .when(sign(WUHAN_INSTITUTE, AUG_23))
                .expectException(UnknownPartyException.class)
                .expectException(onField("partyId"))
                .expectNoEvents();
    }

    @Test
    void aSignatureWithoutAPartyIdIsRefused() {
        fixture.given(proposed())
                .when(new SignAgreement(AGREEMENT_ID, null, AUG_23))
                .expectException(UnknownPartyException.class)
                .expectNoEvents();
    }

    @Test
    void aPartyCannotSignTwice() {
        fixture.given(proposedWithThreeParties(), signed(KBTU, AUG_23))
                .when(sign(KBTU, AUG_26))
                .expectException(PartyAlreadySignedException.class)
                .expectException(onField("partyId"))
                .expectNoEvents();
    }

    @Test
    void anAgreementThatWasNeverProposedCannotBeSigned() {
        fixture.givenNoPriorActivity()
                .when(sign(KBTU, AUG_23))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // refused: lifecycle

    @Test
    void aFullySignedAgreementCannotBeSignedAgain() {
        fixture.given(fullySignedHistory())
                .when(sign(KBTU, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.SIGNED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAgreementCannotBeSigned() {
        fixture.given(declinedHistory())
                .when(sign(URUMQI_ENTERPRISE, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.DECLINED))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAgreementCannotBeSigned() {
        fixture.given(withdrawnHistory())
                .when(sign(URUMQI_ENTERPRISE, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.WITHDRAWN))
                .expectNoEvents();
    }

    @Test
    void aCertifiedAgreementCannotBeSigned() {
        fixture.given(certifiedHistory())
                .when(sign(KBTU, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.CERTIFIED))
                .expectNoEvents();
    }

    @Test
    void anAgreementWhoseCertificationWasRevokedCannotBeSigned() {
        fixture.given(revokedHistory())
                .when(sign(KBTU, AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.REVOKED))
                .expectNoEvents();
    }

    // refused: signature date

    @Test
    void aSignatureDatedBeforeTheProposalIsRefused() {
        fixture.given(proposed())
                .when(sign(KBTU, PROPOSED_ON.minusDays(1)))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("signedOn"))
                .expectNoEvents();
    }

    @Test
    void aSignatureDatedInTheFutureIsRefused() {
        fixture.given(proposed())
                .when(sign(KBTU, TOMORROW))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("signedOn"))
                .expectNoEvents();
    }

    @Test
    void aSignatureWithoutADateIsRefused() {
        fixture.given(proposed())
                .when(sign(KBTU, null))
                .expectException(InvalidAgreementException.class)
                .expectException(onField("signedOn"))
                .expectNoEvents();
    }
}
