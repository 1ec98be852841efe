package org.agreementledger.ledger.signing;

import org.agreementledger.ledger.chain.EventHasher;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A party's Ed25519 public key, as API clients register it: the 32 raw bytes of RFC 8032. Checked
 * with the JDK's own Ed25519. Its id is derived from the bytes, so a signer can compute it.
 */
public final class Ed25519PublicKey {

    /** The algorithm's name in a key's registration. */
    public static final String ALGORITHM = "Ed25519";
    public static final int LENGTH = 32;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] raw;
    private final PublicKey key;

    private Ed25519PublicKey(byte[] raw, PublicKey key) {
        this.raw = raw;
        this.key = key;
    }

    /** The key these raw bytes are, refused unless they are 32 bytes of a valid Ed25519 point. */
    public static Ed25519PublicKey fromRaw(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is " + LENGTH + " bytes");
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + LENGTH);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, LENGTH);
        try {
            return new Ed25519PublicKey(raw.clone(),
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException notAKey) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + notAKey.getMessage());
        }
    }

    /** The key a JDK Ed25519 public key is (its X.509 encoding ends with the raw bytes). */
    public static Ed25519PublicKey of(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + LENGTH
                || !Arrays.equals(Arrays.copyOf(encoded, X509_PREFIX.length), X509_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return fromRaw(Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    /** {@code ed25519:} and the first 16 bytes of the SHA-256 of the raw key, base64url. */
    public String keyId() {
        byte[] digest = EventHasher.sha256Digest().digest(raw);
        return "ed25519:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    public byte[] raw() {
        return raw.clone();
    }

    /** Whether the signature is this key's over exactly these bytes; a malformed signature is not. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException malformed) {
            return false;
        } catch (GeneralSecurityException noEd25519) {
            throw new IllegalStateException("the JDK has no Ed25519", noEd25519);
        }
    }
}
