package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party's key is no longer to be used, from this point of the log on. */
public record RevokeSignerKey(@TargetAggregateIdentifier String keyId, String partyId, String revokedBy,
                              String reason) {
}
