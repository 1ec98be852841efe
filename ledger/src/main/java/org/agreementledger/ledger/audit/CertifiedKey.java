package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;

import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.PasskeyPublicKey;
import org.agreementledger.ledger.signing.SignerKeySignature;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signer's key as the events a certificate carries tell it: its registration (whose it is, its
 * algorithm and public key), and the log leaves of its registration, approval and revocation
 * ({@code null} until they happen).
 *
 * @param approval the approval, with the approving key's signature when another key approved it
 * @param approvalRecordedAt when the approval was recorded (its metadata's read-out)
 */
record CertifiedKey(String keyId, SignerKeyRegistered registration, long registeredAt, Long approvedAt,
                    SignerKeyApproved approval, String approvalRecordedAt, Long revokedAt) {

    String partyId() {
        return registration.partyId();
    }

    String publicKey() {
        return registration.publicKey();
    }

    /**
     * Why the signature is not this key's over the intent, if it is not: an Ed25519 key signs the
     * intent's bytes; a passkey signs an assertion whose challenge is their SHA-256.
     */
    Optional<String> signatureProblem(byte[] intent, SignerKeySignature signature) {
        try {
            byte[] value = Base64.getUrlDecoder().decode(signature.value());
            byte[] publicKey = Base64.getDecoder().decode(publicKey());
            if (PasskeyPublicKey.ALGORITHM.equals(registration.algorithm())) {
                if (!signature.byPasskey() || signature.authenticatorData() == null
                        || signature.clientDataJSON() == null) {
                    return Optional.of("key " + keyId + " is a passkey, and the signature carries no assertion");
                }
                return PasskeyPublicKey.fromSpki(publicKey).assertionProblem(intent, registration.rpId(),
                        Base64.getUrlDecoder().decode(signature.authenticatorData()),
                        Base64.getUrlDecoder().decode(signature.clientDataJSON()), value);
            }
            if (signature.byPasskey()) {
                return Optional.of("key " + keyId + " is an Ed25519 key, and the signature is a passkey's");
            }
            return Ed25519PublicKey.fromRaw(publicKey).verifies(intent, value) ? Optional.empty()
                    : Optional.of("the signature is not key " + keyId + "'s over the intent");
        } catch (IllegalArgumentException malformed) {
            return Optional.of("key " + keyId + "'s signature or public key is malformed: " + malformed.getMessage());
        }
    }

    /** Whether the key's id is the one its registration gives it: from its bytes, or a passkey's credential id. */
    boolean idMatchesItsKey() {
        try {
            String derived = PasskeyPublicKey.ALGORITHM.equals(registration.algorithm())
                    ? PasskeyPublicKey.keyIdOf(Base64.getUrlDecoder().decode(String.valueOf(registration.credentialId())))
                    : Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(publicKey())).keyId();
            return derived.equals(keyId);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The keys the events tell of, by id; the events are checked already, in log order. */
    static Map<String, CertifiedKey> fold(List<LoggedEvent> keyEvents) {
        Map<String, CertifiedKey> keys = new HashMap<>();
        for (LoggedEvent logged : keyEvents) {
            AuditEvent event = logged.event();
            byte[] payload = event.toPositionedEvent().event().payload();
            CertifiedKey key = keys.get(event.agreementId());
            if (event.payloadType().equals(SignerKeyRegistered.class.getName())) {
                SignerKeyRegistered registered = read(payload, SignerKeyRegistered.class);
                keys.put(event.agreementId(), new CertifiedKey(event.agreementId(), registered, logged.leafIndex(),
                        null, null, null, null));
            } else if (key != null && event.payloadType().equals(SignerKeyApproved.class.getName())) {
                keys.put(key.keyId(), new CertifiedKey(key.keyId(), key.registration(), key.registeredAt(),
                        logged.leafIndex(), read(payload, SignerKeyApproved.class), event.recordedAt(), key.revokedAt()));
            } else if (key != null && event.payloadType().equals(SignerKeyRevoked.class.getName())) {
                keys.put(key.keyId(), new CertifiedKey(key.keyId(), key.registration(), key.registeredAt(),
                        key.approvedAt(), key.approval(), key.approvalRecordedAt(), logged.leafIndex()));
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
