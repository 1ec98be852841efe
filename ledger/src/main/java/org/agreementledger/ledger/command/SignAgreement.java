package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** One party signs the agreement. */
public record SignAgreement(@TargetAggregateIdentifier UUID agreementId, String partyId, LocalDate signedOn) {
}
