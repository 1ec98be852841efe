package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The proposing registrar withdraws the agreement; {@code requestedBy} is the authenticated actor. */
public record WithdrawAgreement(@TargetAggregateIdentifier UUID agreementId,
                                LocalDate withdrawnOn,
                                String reason,
                                String requestedBy) {
}
