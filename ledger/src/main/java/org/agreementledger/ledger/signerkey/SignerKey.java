package org.agreementledger.ledger.signerkey;

import org.agreementledger.ledger.command.ApproveSignerKey;
import org.agreementledger.ledger.command.RegisterSignerKey;
import org.agreementledger.ledger.command.RevokeSignerKey;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Base64;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A party's public key, rebuilt from its events: registered (pending), approved, revoked. Its id is
 * derived from the key itself ({@link Ed25519PublicKey#keyId()}), so the same key is registered once.
 * Each command handler answers the status the key is in afterwards.
 */
@Aggregate
class SignerKey {

    static final String ED25519 = "Ed25519";

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
        if (!ED25519.equals(command.algorithm())) {
            throw new InvalidSignerKeyException("algorithm", "the algorithm is 'Ed25519', not '"
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
        apply(new SignerKeyRegistered(command.keyId(), command.partyId(), ED25519,
                Base64.getEncoder().encodeToString(key.raw()), command.registeredBy()));
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
