package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record CertificationRequest(@NotBlank @Size(max = 100) String certificateNo, LocalDate certifiedOn) {
}
