package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A party registers a public key of its own, to sign with once it is approved. */
public record RegisterSignerKey(@TargetAggregateIdentifier String keyId, String partyId, String algorithm,
                                String publicKey, String registeredBy) {
}
