package org.agreementledger.ledger.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The node that writes an event signs its hash with the log's Ed25519 key, whose file lives outside
 * the database: an event inserted by SQL, even with a correctly computed hash, carries no signature
 * that verifies, and verification names it. The signed text is domain-separated from checkpoints.
 */
public final class EventAttestation {

    private static final String SIGNED_PREFIX = "agreement-ledger event attestation v1\n";

    private final PrivateKey signingKey;
    private final PublicKey verifyingKey;

    private EventAttestation(PrivateKey signingKey, PublicKey verifyingKey) {
        this.signingKey = signingKey;
        this.verifyingKey = verifyingKey;
    }

    /** Attests and checks attestations, as the node that writes events does. */
    public static EventAttestation signingWith(KeyPair keys) {
        return new EventAttestation(keys.getPrivate(), keys.getPublic());
    }

    /** Checks attestations only, as verification does. */
    public static EventAttestation checkingWith(PublicKey key) {
        return new EventAttestation(null, key);
    }

    /** The attestation of an event's hash: base64 of the Ed25519 signature. */
    public String attest(String hash) {
        if (signingKey == null) {
            throw new IllegalStateException("this attestation only checks");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingKey);
            signer.update(signedBytes(hash));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime signs with Ed25519", e);
        }
    }

    /** Whether the attestation is the log key's signature of this hash. */
    public boolean verifies(String hash, String attestation) {
        if (hash == null || attestation == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(verifyingKey);
            verifier.update(signedBytes(hash));
            return verifier.verify(Base64.getDecoder().decode(attestation));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static byte[] signedBytes(String hash) {
        return (SIGNED_PREFIX + hash).getBytes(StandardCharsets.UTF_8);
    }
}
