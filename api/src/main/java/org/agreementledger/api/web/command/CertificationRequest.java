package org.agreementledger.api.web.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The certifying authority certifies; {@code signature}, when given, is its own key's over an intent the ledger issued. */
record CertificationRequest(@NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String certificateNo, LocalDate certifiedOn,
                            @Valid SignerKeySignatureRequest signature) {
}
