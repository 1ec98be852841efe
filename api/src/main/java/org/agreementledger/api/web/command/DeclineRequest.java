package org.agreementledger.api.web.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A party declines, with a reason; {@code signature}, when given, is its own key's over an intent to decline. */
record DeclineRequest(@NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String partyId,
                             LocalDate declinedOn,
                             @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason,
                             @Valid SignerKeySignatureRequest signature) {
}
