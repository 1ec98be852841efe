package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The certifying authority revokes the certification of an agreement. */
public record RevokeCertification(@TargetAggregateIdentifier UUID agreementId,
                                  LocalDate revokedOn,
                                  String reason) {
}
