package org.agreementledger.api.web.command;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Why a key is revoked (lost, compromised, replaced), for the record; may be left out. */
record SignerKeyRevocationRequest(
        @Size(max = 1000) @Pattern(regexp = TextRules.MULTI_LINE, message = TextRules.MULTI_LINE_MESSAGE) String reason) {
}
