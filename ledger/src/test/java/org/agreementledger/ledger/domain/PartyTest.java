package org.agreementledger.ledger.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartyTest {

    @ParameterizedTest
    @ValueSource(strings = {"CN", "KZ", "UZ", "KG", "TJ", "TM"})
    void anIsoAlpha2CountryCodeIsAccepted(String country) {
        Party party = new Party("ORG-1", "Some organisation", OrganisationType.ALLIANCE, "Some city", country);

        assertThat(party.country()).isEqualTo(country);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ZZ", "kz", "KAZ", "K", "China"})
    void aCountryThatIsNotAnIsoAlpha2CodeIsRefused(String country) {
        assertThatThrownBy(() -> new Party("KZ-ALMATY-KBTU", "Kazakh-British Technical University",
                OrganisationType.UNIVERSITY, "Almaty", country))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("parties.country");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aPartyWithoutAPartyIdIsRefused(String partyId) {
        assertThatThrownBy(() -> new Party(partyId, "Name", OrganisationType.ENTERPRISE, "Urumqi", "CN"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("parties.partyId");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aPartyWithoutANameIsRefused(String name) {
        assertThatThrownBy(() -> new Party("ORG-1", name, OrganisationType.ENTERPRISE, "Urumqi", "CN"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("parties.name");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aPartyWithoutACityIsRefused(String city) {
        assertThatThrownBy(() -> new Party("ORG-1", "Name", OrganisationType.ENTERPRISE, city, "CN"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("parties.city");
    }

    @Test
    void aPartyWithoutAnOrganisationTypeIsRefused() {
        assertThatThrownBy(() -> new Party("ORG-1", "Name", null, "Urumqi", "CN"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("parties.organisationType");
    }
}
