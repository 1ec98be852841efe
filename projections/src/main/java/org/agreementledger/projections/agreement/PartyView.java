package org.agreementledger.projections.agreement;

import org.agreementledger.ledger.domain.OrganisationType;

import java.time.LocalDate;

/** A party to an agreement and the business date of its signature, if it has signed. */
public record PartyView(String partyId, String name, OrganisationType organisationType, String city, String country,
                        LocalDate signedOn) {
}
