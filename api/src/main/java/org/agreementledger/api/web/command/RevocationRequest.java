package org.agreementledger.api.web.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The certifying authority revokes a certification; {@code signature}, when given, is its own key's. */
record RevocationRequest(LocalDate revokedOn, @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason,
                         @Valid SignerKeySignatureRequest signature) {
}
