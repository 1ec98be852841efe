package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** The certifying authority certifies a fully signed agreement. */
public record CertifyAgreement(@TargetAggregateIdentifier UUID agreementId,
                               String certificateNo,
                               LocalDate certifiedOn) {
}
