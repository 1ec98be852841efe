package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

record DeclineRequest(@NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String partyId,
                             LocalDate declinedOn,
                             @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason) {
}
