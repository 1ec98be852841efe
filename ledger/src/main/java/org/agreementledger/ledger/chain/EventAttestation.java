package org.agreementledger.ledger.chain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The node that writes an event attests its hash with a keyed MAC (HMAC-SHA256) whose key derives
 * from the log's signing key, whose file lives outside the database: an event inserted by SQL, even
 * with a correctly computed hash, carries no attestation that verifies; verification names it and
 * the Merkle log never integrates it. The attested text is domain-separated from checkpoints.
 *
 * <p>A MAC rather than a signature: the JDK's Ed25519 costs about a millisecond per signature and
 * per check on a development machine, which would cap writing, integrating and verifying near a
 * thousand events per second per core; the MAC costs about a microsecond. Outsiders check events
 * through the log's signed checkpoints and inclusion proofs instead. Attestations written before
 * (unprefixed Ed25519 signatures of the same text) still verify, with the public key.
 */
public final class EventAttestation {

    private static final String ATTESTED_PREFIX = "agreement-ledger event attestation v1\n";
    private static final String MAC_PREFIX = "hmac-sha256:";
    private static final String MAC = "HmacSHA256";
    private static final byte[] MAC_KEY_LABEL = "agreement-ledger event attestation key v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec macKey;
    private final PublicKey publicKey;
    /** A keyed MAC is reusable once it has given a result, but not by two threads at once; its key set up once per thread. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private EventAttestation(SecretKeySpec macKey, PublicKey publicKey) {
        this.macKey = macKey;
        this.publicKey = publicKey;
    }

    /** Attests and checks attestations with the log's key, as every node of the ledger does. */
    public static EventAttestation ofLogKey(KeyPair logKey) {
        try {
            Mac derivation = Mac.getInstance(MAC);
            derivation.init(new SecretKeySpec(logKey.getPrivate().getEncoded(), MAC));
            return new EventAttestation(new SecretKeySpec(derivation.doFinal(MAC_KEY_LABEL), MAC), logKey.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
        }
    }

    /** The attestation of an event's hash: {@code hmac-sha256:} and the base64 MAC. */
    public String attest(String hash) {
        return MAC_PREFIX + Base64.getEncoder().encodeToString(mac(hash));
    }

    /** Whether the attestation is the log key's attestation of this hash. */
    public boolean verifies(String hash, String attestation) {
        if (hash == null || attestation == null) {
            return false;
        }
        try {
            if (attestation.startsWith(MAC_PREFIX)) {
                return MessageDigest.isEqual(mac(hash),
                        Base64.getDecoder().decode(attestation.substring(MAC_PREFIX.length())));
            }
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(attested(hash));
            return signature.verify(Base64.getDecoder().decode(attestation));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    private byte[] mac(String hash) {
        return macs.get().doFinal(attested(hash));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(macKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
        }
    }

    private static byte[] attested(String hash) {
        return (ATTESTED_PREFIX + hash).getBytes(StandardCharsets.UTF_8);
    }
}
