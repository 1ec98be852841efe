package org.agreementledger.ledger.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A signer registers a public key of its own, to sign with once it is approved: an Ed25519 key, or a
 * passkey whose registration webauthn4j verified at the door ({@code credentialId}, {@code rpId}).
 */
public record RegisterSignerKey(@TargetAggregateIdentifier String keyId, String partyId, String algorithm,
                                String publicKey, String registeredBy, String credentialId, String rpId) {

    /** An Ed25519 key's registration. */
    public RegisterSignerKey(String keyId, String partyId, String algorithm, String publicKey, String registeredBy) {
        this(keyId, partyId, algorithm, publicKey, registeredBy, null, null);
    }
}
