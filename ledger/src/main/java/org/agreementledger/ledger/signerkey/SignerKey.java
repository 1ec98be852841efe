package org.agreementledger.ledger.signerkey;

import org.agreementledger.ledger.command.ApproveSignerKey;
import org.agreementledger.ledger.command.RegisterSignerKey;
import org.agreementledger.ledger.command.RevokeSignerKey;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.PasskeyPublicKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Base64;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A signer's public key, rebuilt from its events: registered (pending), approved, revoked. Its id is
 * derived from the key itself ({@link Ed25519PublicKey#keyId()}) or from a passkey's credential id
 * ({@link PasskeyPublicKey#keyIdOf}), so the same key is registered once.
 * Each command handler answers the status the key is in afterwards.
 */
@Aggregate
class SignerKey {

    @AggregateIdentifier
    private String keyId;
    private String partyId;
    private SignerKeyStatus status;

    protected SignerKey() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public SignerKey(RegisterSignerKey command) {
        if (command.partyId() == null || command.partyId().isBlank()) {
            throw new InvalidSignerKeyException("partyId", "a party is required");
        }
        if (PasskeyPublicKey.ALGORITHM.equals(command.algorithm())) {
            registerPasskey(command);
            return;
        }
        if (!Ed25519PublicKey.ALGORITHM.equals(command.algorithm())) {
            throw new InvalidSignerKeyException("algorithm", "the algorithm is 'Ed25519' or 'WebAuthn', not '"
                    + command.algorithm() + "'");
        }
        Ed25519PublicKey key;
        try {
            key = Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(String.valueOf(command.publicKey())));
        } catch (IllegalArgumentException notAKey) {
            throw InvalidSignerKeyException.notAnEd25519Key(notAKey);
        }
        if (!key.keyId().equals(command.keyId())) {
            throw new InvalidSignerKeyException("keyId", "the key's id is " + key.keyId());
        }
        apply(new SignerKeyRegistered(command.keyId(), command.partyId(), Ed25519PublicKey.ALGORITHM,
                Base64.getEncoder().encodeToString(key.raw()), command.registeredBy()));
    }

    /** A passkey whose registration ceremony was verified at the door: its key and id must agree. */
    private void registerPasskey(RegisterSignerKey command) {
        byte[] credentialId;
        try {
            PasskeyPublicKey.fromSpki(Base64.getDecoder().decode(String.valueOf(command.publicKey())));
            credentialId = Base64.getUrlDecoder().decode(String.valueOf(command.credentialId()));
        } catch (IllegalArgumentException notAKey) {
            throw new InvalidSignerKeyException("publicKey", "not a passkey's public key and credential id: "
                    + notAKey.getMessage());
        }
        if (!PasskeyPublicKey.keyIdOf(credentialId).equals(command.keyId())) {
            throw new InvalidSignerKeyException("keyId", "the passkey's id is " + PasskeyPublicKey.keyIdOf(credentialId));
        }
        if (command.rpId() == null || command.rpId().isBlank()) {
            throw new InvalidSignerKeyException("rpId", "a passkey belongs to a relying party");
        }
        apply(new SignerKeyRegistered(command.keyId(), command.partyId(), PasskeyPublicKey.ALGORITHM,
                command.publicKey(), command.registeredBy(), command.credentialId(), command.rpId()));
    }

    @CommandHandler
    public SignerKeyStatus handle(ApproveSignerKey command) {
        requireParty(command.partyId());
        if (status != SignerKeyStatus.PENDING) {
            throw new SignerKeyStatusException(status, "only a pending key can be approved");
        }
        if (command.signature() != null && command.signature().keyId().equals(keyId)) {
            throw new SignerKeyStatusException(status, "a key cannot approve itself");
        }
        apply(new SignerKeyApproved(keyId, partyId, command.approvedBy(), command.signature()));
        return status;
    }

    @CommandHandler
    public SignerKeyStatus handle(RevokeSignerKey command) {
        requireParty(command.partyId());
        if (status == SignerKeyStatus.REVOKED) {
            throw new SignerKeyStatusException(status, "the key is revoked already");
        }
        apply(new SignerKeyRevoked(keyId, partyId, command.revokedBy(), command.reason()));
        return status;
    }

    private void requireParty(String claimedParty) {
        if (!partyId.equals(claimedParty)) {
            throw new SignerKeyStatusException(status, "the key is party " + partyId + "'s, not " + claimedParty + "'s");
        }
    }

    @EventSourcingHandler
    void on(SignerKeyRegistered event) {
        keyId = event.keyId();
        partyId = event.partyId();
        status = SignerKeyStatus.PENDING;
    }

    @EventSourcingHandler
    void on(SignerKeyApproved event) {
        status = SignerKeyStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(SignerKeyRevoked event) {
        status = SignerKeyStatus.REVOKED;
    }
}
