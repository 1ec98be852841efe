package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record SignatureRequest(@NotBlank @Size(max = 100) String partyId, LocalDate signedOn) {
}
