package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.agreementledger.ledger.agreement.AgreementTestData.AGREEMENT_ID;
import static org.agreementledger.ledger.agreement.AgreementTestData.KBTU;
import static org.agreementledger.ledger.agreement.AgreementTestData.TODAY;
import static org.agreementledger.ledger.agreement.AgreementTestData.TOMORROW;
import static org.agreementledger.ledger.agreement.AgreementTestData.URUMQI_ENTERPRISE;
import static org.agreementledger.ledger.agreement.AgreementTestData.WUHAN_INSTITUTE;
import static org.agreementledger.ledger.agreement.AgreementTestData.aProposal;
import static org.agreementledger.ledger.agreement.AgreementTestData.onField;

class ProposeAgreementTest {

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = AgreementTestData.fixture();
    }

    // accepted

    @Test
    void aValidProposalIsRecordedAsAgreementProposed() {
        fixture.givenNoPriorActivity()
                .when(aProposal().command())
                .expectSuccessfulHandlerExecution()
                .expectEvents(aProposal().event());
    }

    @Test
    void proposingReturnsTheNewAgreementId() {
        fixture.givenNoPriorActivity()
                .when(aProposal().command())
                .expectResultMessagePayload(AGREEMENT_ID);
    }

    @Test
    void anAgreementMayHaveMoreThanTwoParties() {
        fixture.givenNoPriorActivity()
                .when(aProposal().parties(URUMQI_ENTERPRISE, KBTU, WUHAN_INSTITUTE).command())
                .expectEvents(aProposal().parties(URUMQI_ENTERPRISE, KBTU, WUHAN_INSTITUTE).event());
    }

    @ParameterizedTest
    @EnumSource(CooperationKind.class)
    void everyCooperationKindIsAccepted(CooperationKind kind) {
        fixture.givenNoPriorActivity()
                .when(aProposal().kind(kind).command())
                .expectEvents(aProposal().kind(kind).event());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EQUIPMENT_MANUFACTURING", "BIOMEDICINE", "NEW_MATERIALS", "RENEWABLE_ENERGY",
            "SMART_TECHNOLOGY", "MODERN_AGRICULTURE", "HEALTHCARE", "INFORMATION_TECHNOLOGY"})
    void aSectorFromTheCatalogueIsAccepted(String sector) {
        fixture.givenNoPriorActivity()
                .when(aProposal().sector(sector).command())
                .expectEvents(aProposal().sector(sector).event());
    }

    @Test
    void aZeroValueIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(aProposal().value(Money.of("0", "CNY")).command())
                .expectEvents(aProposal().value(Money.of("0.00", "CNY")).event());
    }

    @Test
    void aProposalDatedTodayIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(aProposal().proposedOn(TODAY).command())
                .expectEvents(aProposal().proposedOn(TODAY).event());
    }

    @Test
    void theTitleAndOccasionAreRecordedWithoutSurroundingWhitespace() {
        fixture.givenNoPriorActivity()
                .when(aProposal().title("  Talent exchange programme \n").occasion("  Urumqi 2024 ").command())
                .expectEvents(aProposal().title("Talent exchange programme").occasion("Urumqi 2024").event());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void theOccasionIsOptionalAndABlankOneIsRecordedAsNone(String occasion) {
        fixture.givenNoPriorActivity()
                .when(aProposal().occasion(occasion).command())
                .expectEvents(aProposal().occasion(null).event());
    }

    @Test
    void aTitleOfFiveHundredCharactersIsAccepted() {
        String title = "t".repeat(500);
        fixture.givenNoPriorActivity()
                .when(aProposal().title(title).command())
                .expectEvents(aProposal().title(title).event());
    }

    // refused: parties

    @Test
    void aProposalWithOnlyOnePartyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().parties(URUMQI_ENTERPRISE).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("parties"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithNoPartiesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().parties(List.of()).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("parties"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithoutAPartyListIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().parties((List<Party>) null).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("parties"))
                .expectNoEvents();
    }

    @Test
    void aProposalListingTheSamePartyIdTwiceIsRefused() {
        Party sameIdOtherName = new Party(KBTU.partyId(), "KBTU Almaty campus", OrganisationType.UNIVERSITY,
                "Almaty", "KZ");
        fixture.givenNoPriorActivity()
                .when(aProposal().parties(URUMQI_ENTERPRISE, KBTU, sameIdOtherName).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("parties"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithAMissingPartyEntryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().parties(Arrays.asList(URUMQI_ENTERPRISE, KBTU, null)).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("parties"))
                .expectNoEvents();
    }

    // refused: sector, kind, value, title

    @Test
    void aSectorNotInTheCatalogueIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().sector("SPACE_TOURISM").command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("sector"))
                .expectNoEvents();
    }

    @Test
    void aSectorCodeIsMatchedExactly() {
        fixture.givenNoPriorActivity()
                .when(aProposal().sector("equipment_manufacturing").command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("sector"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithoutASectorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().sector(null).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("sector"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void aProposalWithoutATitleIsRefused(String title) {
        fixture.givenNoPriorActivity()
                .when(aProposal().title(title).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("title"))
                .expectNoEvents();
    }

    @Test
    void aTitleLongerThanFiveHundredCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().title("t".repeat(501)).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("title"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithoutACooperationKindIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().kind(null).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("kind"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithoutAValueIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().value(null).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("value"))
                .expectNoEvents();
    }

    @Test
    void aProposalWithoutAnAgreementIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().agreementId(null).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("agreementId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aProposalWithoutAProposingRegistrarIsRefused(String proposedBy) {
        fixture.givenNoPriorActivity()
                .when(aProposal().proposedBy(proposedBy).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("proposedBy"))
                .expectNoEvents();
    }

    // refused: proposal date

    @Test
    void aProposalWithoutAProposalDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().proposedOn(null).command())
                .expectException(InvalidAgreementException.class)
                .expectException(onField("proposedOn"))
                .expectNoEvents();
    }

    @Test
    void aProposalDatedInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(aProposal().proposedOn(TOMORROW).command())
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("proposedOn"))
                .expectNoEvents();
    }
}
