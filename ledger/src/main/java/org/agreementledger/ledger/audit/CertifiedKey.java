package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A party's key as the events a certificate carries tell it: whose it is, its public key, and the
 * log leaves of its registration, approval and revocation ({@code null} until they happen).
 *
 * @param approval the approval, with the approving key's signature when another key approved it
 */
record CertifiedKey(String keyId, String partyId, String publicKey, long registeredAt, Long approvedAt,
                    SignerKeyApproved approval, Long revokedAt) {

    /** The keys the events tell of, by id; the events are checked already, in log order. */
    static Map<String, CertifiedKey> fold(List<LoggedEvent> keyEvents) {
        Map<String, CertifiedKey> keys = new HashMap<>();
        for (LoggedEvent logged : keyEvents) {
            AuditEvent event = logged.event();
            byte[] payload = event.toPositionedEvent().event().payload();
            CertifiedKey key = keys.get(event.agreementId());
            if (event.payloadType().equals(SignerKeyRegistered.class.getName())) {
                SignerKeyRegistered registered = read(payload, SignerKeyRegistered.class);
                keys.put(event.agreementId(), new CertifiedKey(event.agreementId(), registered.partyId(),
                        registered.publicKey(), logged.leafIndex(), null, null, null));
            } else if (key != null && event.payloadType().equals(SignerKeyApproved.class.getName())) {
                keys.put(key.keyId(), new CertifiedKey(key.keyId(), key.partyId(), key.publicKey(), key.registeredAt(),
                        logged.leafIndex(), read(payload, SignerKeyApproved.class), key.revokedAt()));
            } else if (key != null && event.payloadType().equals(SignerKeyRevoked.class.getName())) {
                keys.put(key.keyId(), new CertifiedKey(key.keyId(), key.partyId(), key.publicKey(), key.registeredAt(),
                        key.approvedAt(), key.approval(), logged.leafIndex()));
            }
        }
        return keys;
    }

    private static <T> T read(byte[] payload, Class<T> type) {
        try {
            return CanonicalJson.read(payload, type);
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("a key's event does not read as " + type.getSimpleName(), unreadable);
        }
    }
}
