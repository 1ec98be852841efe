package org.agreementledger.api.web.command;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

record RevocationRequest(LocalDate revokedOn, @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason) {
}
