package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventHasher;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A passkey's public key (WebAuthn, ES256 or EdDSA), as the ledger keeps it once webauthn4j verified
 * its registration: X.509 SubjectPublicKeyInfo, which the JDK reads, so that an assertion can be
 * checked again offline with nothing but the JDK. Its id is derived from the credential id, which
 * the browser names the passkey by.
 */
public final class PasskeyPublicKey {

    /** The algorithm's name in a key's registration. */
    public static final String ALGORITHM = "WebAuthn";

    /** The flags an assertion must carry: the user was present (UP) and verified (UV). */
    private static final int USER_PRESENT = 0x01;
    private static final int USER_VERIFIED = 0x04;
    private static final int AUTHENTICATOR_DATA_MINIMUM = 37;

    private final PublicKey key;

    private PasskeyPublicKey(PublicKey key) {
        this.key = key;
    }

    /** The key this SubjectPublicKeyInfo holds, refused unless it is a P-256 or an Ed25519 key. */
    public static PasskeyPublicKey fromSpki(byte[] spki) {
        for (String algorithm : new String[]{"EC", "Ed25519"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
                if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() != 256) {
                    throw new IllegalArgumentException("a passkey's EC key is on P-256");
                }
                return new PasskeyPublicKey(key);
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next
            }
        }
        throw new IllegalArgumentException("not a P-256 or Ed25519 public key (X.509 SubjectPublicKeyInfo)");
    }

    /** The key as the JDK holds it. */
    public PublicKey publicKey() {
        return key;
    }

    /** {@code webauthn:} and the first 16 bytes of the SHA-256 of the credential id, base64url. */
    public static String keyIdOf(byte[] credentialId) {
        byte[] digest = EventHasher.sha256Digest().digest(credentialId);
        return "webauthn:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    /** The WebAuthn challenge that commits to these intent bytes: their SHA-256. */
    public static byte[] challengeFor(byte[] intent) {
        return EventHasher.sha256Digest().digest(intent);
    }

    /**
     * Why an assertion is not this key's over the intent, if it is not: the client data must be a
     * {@code webauthn.get} whose challenge is the intent's SHA-256; the authenticator data must be
     * for the relying party's id, with the user present and verified; and the signature must be
     * this key's over the authenticator data and the SHA-256 of the client data (WebAuthn §7.2).
     */
    public Optional<String> assertionProblem(byte[] intent, String rpId, byte[] authenticatorData,
                                             byte[] clientDataJSON, byte[] signature) {
        JsonNode clientData;
        try {
            clientData = CanonicalJson.parse(clientDataJSON);
        } catch (UncheckedIOException | IllegalArgumentException notJson) {
            return Optional.of("the client data is not JSON");
        }
        if (clientData == null || !"webauthn.get".equals(CanonicalJson.textField(clientData, "type"))) {
            return Optional.of("the client data is not of an assertion (webauthn.get)");
        }
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(challengeFor(intent));
        if (!challenge.equals(CanonicalJson.textField(clientData, "challenge"))) {
            return Optional.of("the assertion's challenge is not the SHA-256 of the intent");
        }
        if (authenticatorData.length < AUTHENTICATOR_DATA_MINIMUM) {
            return Optional.of("the authenticator data is too short");
        }
        byte[] rpIdHash = EventHasher.sha256Digest().digest(rpId.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(Arrays.copyOf(authenticatorData, 32), rpIdHash)) {
            return Optional.of("the authenticator data is for another relying party than " + rpId);
        }
        int flags = authenticatorData[32];
        if ((flags & USER_PRESENT) == 0 || (flags & USER_VERIFIED) == 0) {
            return Optional.of("the authenticator did not verify the user");
        }
        byte[] signed = Arrays.copyOf(authenticatorData, authenticatorData.length + 32);
        System.arraycopy(EventHasher.sha256Digest().digest(clientDataJSON), 0, signed, authenticatorData.length, 32);
        return verifies(signed, signature) ? Optional.empty()
                : Optional.of("the signature is not the passkey's over the authenticator and client data");
    }

    private boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(key instanceof ECPublicKey ? "SHA256withECDSA" : "Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
