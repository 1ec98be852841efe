package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;

record PartyRequest(@NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String partyId,
                           @NotBlank @Size(max = 300) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String name,
                           @NotNull OrganisationType organisationType,
                           @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String city,
                           @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                           String country) {

    Party toParty() {
        return new Party(partyId.strip(), name.strip(), organisationType, city.strip(), country);
    }
}
