package org.agreementledger.api.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyEvent;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;
import org.agreementledger.ledger.signerkey.SignerKeyStatus;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.agreementledger.ledger.chain.CanonicalJson.textField;

/**
 * The parties' signer keys, read from their events in the event table (committed, never a read
 * model's copy): a party sees every key ever registered in its name, and a signature is checked
 * against the key as the log holds it.
 */
@Component
public class SignerKeys {

    private final StoredEvents storedEvents;

    SignerKeys(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    /**
     * Holds the key, until the transaction ends, against other transactions that sign with it or
     * revoke it: a signature is checked against the key as the log holds it when the signature is
     * written, never against one revoked in between.
     */
    public void lock(String keyId) {
        storedEvents.lockAggregate(keyId);
    }

    /** The party's keys, in the order they were registered: their events found through the partial index. */
    public List<SignerKeyView> ofParty(String partyId) {
        return List.copyOf(folded(storedEvents.ofSignerKeysOf(partyId, 0, Long.MAX_VALUE, Integer.MAX_VALUE))
                .values());
    }

    /** The key: its own events, found by its id as any aggregate's are. */
    public Optional<SignerKeyView> find(String keyId) {
        return Optional.ofNullable(folded(storedEvents.ofAgreement(keyId).stream()
                .filter(event -> SignerKeyEvent.AGGREGATE_TYPE.equals(event.event().aggregateType())).toList())
                .get(keyId));
    }

    /** The key, if it is the party's. */
    public Optional<SignerKeyView> findOfParty(String partyId, String keyId) {
        return find(keyId).filter(key -> key.partyId().equals(partyId));
    }

    private static Map<String, SignerKeyView> folded(List<PositionedEvent> keyEvents) {
        Map<String, SignerKeyView> keys = new LinkedHashMap<>();
        for (PositionedEvent positioned : keyEvents) {
            JsonNode payload = CanonicalJson.parse(positioned.event().payload());
            String type = positioned.event().payloadType();
            String keyId = positioned.event().aggregateIdentifier();
            long position = positioned.globalPosition();
            SignerKeyView key = keys.get(keyId);
            if (type.equals(SignerKeyRegistered.class.getName())) {
                keys.put(keyId, new SignerKeyView(keyId, textField(payload, "partyId"), textField(payload, "algorithm"),
                        textField(payload, "publicKey"), textField(payload, "credentialId"), textField(payload, "rpId"),
                        SignerKeyStatus.PENDING, textField(payload, "registeredBy"), position, null, null, null, null,
                        null, null));
            } else if (key != null && type.equals(SignerKeyApproved.class.getName())) {
                keys.put(keyId, new SignerKeyView(keyId, key.partyId(), key.algorithm(), key.publicKey(),
                        key.credentialId(), key.rpId(), SignerKeyStatus.APPROVED, key.registeredBy(), key.registeredAt(),
                        textField(payload, "approvedBy"), textField(payload.path("signature"), "keyId"), position,
                        null, null, null));
            } else if (key != null && type.equals(SignerKeyRevoked.class.getName())) {
                keys.put(keyId, new SignerKeyView(keyId, key.partyId(), key.algorithm(), key.publicKey(),
                        key.credentialId(), key.rpId(), SignerKeyStatus.REVOKED, key.registeredBy(), key.registeredAt(),
                        key.approvedBy(), key.approvedWithKey(), key.approvedAt(), textField(payload, "revokedBy"),
                        position, textField(payload, "reason")));
            }
        }
        return keys;
    }
}
