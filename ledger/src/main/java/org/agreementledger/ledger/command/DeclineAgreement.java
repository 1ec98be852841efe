package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** One party declines the agreement, which ends it. */
public record DeclineAgreement(@TargetAggregateIdentifier UUID agreementId,
                               String partyId,
                               LocalDate declinedOn,
                               String reason) {
}
