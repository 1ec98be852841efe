package org.agreementledger.ledger.domain;


import java.util.Locale;
import java.util.Set;

/** An organisation that is party to an agreement, identified by its stable party id. */
public record Party(String partyId, String name, OrganisationType organisationType, String city, String country) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public Party {
        requireText(partyId, "partyId");
        requireText(name, "name");
        requireText(city, "city");
        if (organisationType == null) {
            throw new InvalidAgreementException("parties.organisationType", "an organisation type is required");
        }
        if (country == null || !ISO_COUNTRIES.contains(country)) {
            throw new InvalidAgreementException("parties.country",
                    "'" + country + "' is not an ISO 3166-1 alpha-2 country code");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidAgreementException("parties." + field, field + " is required");
        }
    }
}
