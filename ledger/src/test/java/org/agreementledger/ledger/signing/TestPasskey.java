package org.agreementledger.ledger.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A passkey made with the JDK (P-256 or Ed25519), answering WebAuthn assertions as an authenticator
 * does: authenticator data for the relying party with the user present and verified, client data
 * of a {@code webauthn.get} with the given challenge, and its signature over both.
 */
public final class TestPasskey {

    public static final String RP_ID = "localhost";

    private final KeyPair keys;
    private final boolean ec;
    private final byte[] credentialId;

    private TestPasskey(KeyPair keys, boolean ec, byte[] credentialId) {
        this.keys = keys;
        this.ec = ec;
        this.credentialId = credentialId;
    }

    public static TestPasskey es256(String credentialName) {
        return new TestPasskey(generate("EC"), true, credentialName.getBytes(StandardCharsets.UTF_8));
    }

    public static TestPasskey eddsa(String credentialName) {
        return new TestPasskey(generate("Ed25519"), false, credentialName.getBytes(StandardCharsets.UTF_8));
    }

    public String spkiBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String credentialId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
    }

    public String keyId() {
        return PasskeyPublicKey.keyIdOf(credentialId);
    }

    /** An assertion over this challenge: authenticator data, client data JSON and signature. */
    public Assertion assert_(byte[] challenge, String rpId, int flags) {
        try {
            byte[] authenticatorData = ByteBuffer.allocate(37)
                    .put(MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8)))
                    .put((byte) flags).putInt(1).array();
            byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge)
                    + "\",\"origin\":\"http://localhost:8080\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return new Assertion(authenticatorData, clientData, signer.sign());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    /** An assertion over the intent, as a browser makes it: user present and verified. */
    public Assertion assertIntent(byte[] intent) {
        return assert_(PasskeyPublicKey.challengeFor(intent), RP_ID, 0x05);
    }

    public record Assertion(byte[] authenticatorData, byte[] clientDataJSON, byte[] signature) {

        public SignerKeySignature signatureFor(String keyId, byte[] intent) {
            Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
            return new SignerKeySignature(keyId, base64url.encodeToString(intent), base64url.encodeToString(signature),
                    base64url.encodeToString(authenticatorData), base64url.encodeToString(clientDataJSON));
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
