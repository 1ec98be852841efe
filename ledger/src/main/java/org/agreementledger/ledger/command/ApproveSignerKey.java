package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A pending key of a party becomes usable. */
public record ApproveSignerKey(@TargetAggregateIdentifier String keyId, String partyId, String approvedBy) {
}
