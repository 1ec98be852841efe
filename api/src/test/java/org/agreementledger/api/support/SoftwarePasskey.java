package org.agreementledger.api.support;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A passkey authenticator in software (ES256), answering WebAuthn ceremonies as a browser and its
 * authenticator would for a page at {@code origin}: a registration with attestation "none" (its
 * attestation object encoded by webauthn4j), and assertions. Flags say whether the user was present
 * and verified.
 */
public final class SoftwarePasskey {

    public static final byte PRESENT_AND_VERIFIED = AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV;

    private final KeyPair keys;
    private final byte[] credentialId;
    private final String origin;
    private int counter;

    public SoftwarePasskey(String origin) {
        this(newKeyPair(), newCredentialId(), origin);
    }

    private SoftwarePasskey(KeyPair keys, byte[] credentialId, String origin) {
        this.keys = keys;
        this.credentialId = credentialId;
        this.origin = origin;
    }

    /** The same passkey, used from a page at another origin (as a phishing page would relay it). */
    public SoftwarePasskey at(String otherOrigin) {
        return new SoftwarePasskey(keys, credentialId, otherOrigin);
    }

    public String credentialId() {
        return base64url(credentialId);
    }

    /** The registration response to options holding this challenge, as {@code POST .../signer-keys} takes it. */
    public Map<String, Object> registration(String challenge, byte flags) {
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = new AuthenticatorData<>(
                sha256("localhost".getBytes(StandardCharsets.UTF_8)), (byte) (flags | AuthenticatorData.BIT_AT), 0,
                new AttestedCredentialData(AAGUID.ZERO, credentialId,
                        EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
        byte[] attestationObject = new AttestationObjectConverter(new ObjectConverter())
                .convertToBytes(new AttestationObject(authenticatorData, new NoneAttestationStatement()));
        Map<String, Object> body = new HashMap<>();
        body.put("algorithm", "WebAuthn");
        body.put("clientDataJSON", base64url(clientData("webauthn.create", challenge)));
        body.put("attestationObject", base64url(attestationObject));
        return body;
    }

    /** An assertion over the intent's SHA-256, as {@code signature} takes it, named by the credential id. */
    public Map<String, Object> signatureOf(String intent, byte flags) {
        byte[] challenge = sha256(Base64.getUrlDecoder().decode(intent));
        byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256("localhost".getBytes(StandardCharsets.UTF_8)))
                .put(flags).putInt(++counter).array();
        byte[] clientData = clientData("webauthn.get", base64url(challenge));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            Map<String, Object> signature = new HashMap<>();
            signature.put("credentialId", credentialId());
            signature.put("intent", intent);
            signature.put("authenticatorData", base64url(authenticatorData));
            signature.put("clientDataJSON", base64url(clientData));
            signature.put("value", base64url(signer.sign()));
            return signature;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static byte[] newCredentialId() {
        byte[] credentialId = new byte[16];
        new SecureRandom().nextBytes(credentialId);
        return credentialId;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
