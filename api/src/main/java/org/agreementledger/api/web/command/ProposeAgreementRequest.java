package org.agreementledger.api.web.command;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.agreementledger.ledger.command.ProposeAgreement;
import org.agreementledger.ledger.domain.CooperationKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

record ProposeAgreementRequest(@NotBlank @Size(max = 500) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String title,
                                      @NotNull CooperationKind kind,
                                      @NotBlank @Size(max = 100) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String sector,
                                      @NotNull @Size(min = 2, max = 100) List<@NotNull @Valid PartyRequest> parties,
                                      @NotNull @Valid ValueRequest value,
                                      @Size(max = 500) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String occasion,
                                      LocalDate proposedOn) {

    ProposeAgreement toCommand(UUID agreementId, String proposedBy, LocalDate today) {
        return new ProposeAgreement(agreementId, title, kind, sector,
                parties.stream().map(PartyRequest::toParty).toList(), value.toMoney(), occasion,
                proposedOn == null ? today : proposedOn, proposedBy);
    }
}
