package org.agreementledger.api.signing;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.authenticator.AuthenticatorImpl;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.authenticator.EdDSACOSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.signing.PasskeyPublicKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The relying party of the parties' passkeys (WebAuthn), verified with webauthn4j: issues the
 * single-use challenge a registration answers, verifies the registration (user verification
 * required, ES256 or EdDSA) into the key the ledger keeps, and verifies an assertion whose
 * challenge is the SHA-256 of a signing intent. The origins allowed are read on each use, so that
 * the embedded default's may name the port the service got.
 */
@Component
public class Passkeys {

    private static final int CHALLENGE_BYTES = 32;
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA));

    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final Clock clock;
    private final String rpId;
    private final String rpName;
    private final Duration validity;
    private final OutstandingIssuance outstanding;

    Passkeys(JdbcTemplate jdbc, Environment environment, Clock clock, OutstandingIssuance outstanding,
             @Value("${ledger.webauthn.rp-id}") String rpId,
             @Value("${ledger.webauthn.rp-name}") String rpName,
             @Value("${ledger.signatures.intent-validity}") Duration validity) {
        this.jdbc = jdbc;
        this.outstanding = outstanding;
        this.environment = environment;
        this.clock = clock;
        this.rpId = rpId;
        this.rpName = rpName;
        this.validity = validity;
    }

    /** A passkey of the signer's as the ledger keeps it once its registration was verified. */
    public record RegisteredPasskey(String keyId, String publicKey, String credentialId, String rpId) {
    }

    /**
     * The options a browser's {@code navigator.credentials.create} takes to make a passkey for the
     * signer, with a new single-use challenge; the credentials it holds already are excluded.
     */
    public Map<String, Object> registrationOptions(String signerId, String issuedTo, List<String> existingCredentials) {
        outstanding.requireRoomFor(issuedTo);
        byte[] challenge = new byte[CHALLENGE_BYTES];
        random.nextBytes(challenge);
        Instant expiresAt = clock.instant().plus(validity);
        jdbc.update("INSERT INTO passkey_challenge (challenge, signer_id, issued_to, expires_at) VALUES (?, ?, ?, ?)",
                base64url(challenge), signerId, issuedTo, Timestamp.from(expiresAt));
        return Map.of(
                "challenge", base64url(challenge),
                "rp", Map.of("id", rpId, "name", rpName),
                "user", Map.of("id", base64url((signerId + "/" + issuedTo).getBytes(StandardCharsets.UTF_8)),
                        "name", issuedTo, "displayName", issuedTo + " (" + signerId + ")"),
                "pubKeyCredParams", ALGORITHMS.stream()
                        .map(algorithm -> Map.of("type", "public-key", "alg", algorithm.getAlg().getValue())).toList(),
                "authenticatorSelection", Map.of("userVerification", "required", "residentKey", "discouraged"),
                "attestation", "none",
                "timeout", validity.toMillis(),
                "excludeCredentials", existingCredentials.stream()
                        .map(credential -> Map.of("type", "public-key", "id", credential)).toList());
    }

    /**
     * The passkey a registration response makes, once its challenge is one issued to this signer,
     * unused and unexpired (then used), and webauthn4j verified it: origin, relying party, user
     * presence and verification, algorithm.
     */
    public RegisteredPasskey verifyRegistration(String signerId, String clientDataJSON, String attestationObject) {
        byte[] clientData;
        byte[] attestation;
        String challenge;
        try {
            clientData = decode(clientDataJSON, "clientDataJSON");
            attestation = decode(attestationObject, "attestationObject");
            challenge = CanonicalJson.textField(CanonicalJson.parse(clientData), "challenge");
        } catch (UncheckedIOException | IllegalArgumentException unreadable) {
            throw refused("the registration does not read: " + unreadable.getMessage());
        }
        List<Map<String, Object>> issued = challenge == null ? List.of() : jdbc.queryForList("""
                SELECT used_at IS NOT NULL AS used, expires_at < ? AS lapsed FROM passkey_challenge
                WHERE challenge = ? AND signer_id = ? FOR UPDATE""", Timestamp.from(clock.instant()), challenge, signerId);
        if (issued.isEmpty() || Boolean.TRUE.equals(issued.get(0).get("used"))
                || Boolean.TRUE.equals(issued.get(0).get("lapsed"))) {
            throw refused("the registration answers no challenge issued to " + signerId
                    + " that is unused and unexpired: ask for new options");
        }
        RegistrationData registration;
        try {
            registration = webAuthn.verify(new RegistrationRequest(attestation, clientData),
                    new RegistrationParameters(serverProperty(Base64.getUrlDecoder().decode(challenge)), ALGORITHMS,
                            true, true));
        } catch (VerificationException | DataConversionException | JacksonException | IllegalArgumentException
                notVerified) {
            // webauthn4j lets its Jackson 3 exceptions through on some malformed CBOR: still the client's input
            throw refused("the registration does not verify: " + notVerified.getMessage());
        }
        jdbc.update("UPDATE passkey_challenge SET used_at = now() WHERE challenge = ?", challenge);
        AttestedCredentialData credential = registration.getAttestationObject().getAuthenticatorData()
                .getAttestedCredentialData();
        byte[] credentialId = credential.getCredentialId();
        return new RegisteredPasskey(PasskeyPublicKey.keyIdOf(credentialId),
                Base64.getEncoder().encodeToString(credential.getCOSEKey().getPublicKey().getEncoded()),
                base64url(credentialId), rpId);
    }

    /**
     * Why an assertion is not the passkey's over the intent, if it is not, as webauthn4j finds it:
     * the challenge must be the intent's SHA-256, the origin one allowed, the relying party this
     * one, the user present and verified, the signature the key's.
     */
    public Optional<String> assertionProblem(SignerKeyView key, byte[] intent, String authenticatorData,
                                                       String clientDataJSON, String signature) {
        try {
            byte[] credentialId = Base64.getUrlDecoder().decode(key.credentialId());
            AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                    coseKeyOf(PasskeyPublicKey.fromSpki(Base64.getDecoder().decode(key.publicKey())).publicKey()));
            webAuthn.verify(new AuthenticationRequest(credentialId, decode(authenticatorData, "authenticatorData"),
                            decode(clientDataJSON, "clientDataJSON"), decode(signature, "value")),
                    new AuthenticationParameters(serverProperty(PasskeyPublicKey.challengeFor(intent)),
                            new AuthenticatorImpl(credential, new NoneAttestationStatement(), 0),
                            List.of(credentialId), true, true));
            return Optional.empty();
        } catch (VerificationException | DataConversionException | JacksonException | IllegalArgumentException
                notVerified) {
            return Optional.of("the assertion is not the passkey's over the intent: " + notVerified.getMessage());
        }
    }

    private ServerProperty serverProperty(byte[] challenge) {
        Set<Origin> origins = Arrays.stream(environment.getRequiredProperty("ledger.webauthn.origins").split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).map(Origin::new).collect(Collectors.toSet());
        return new ServerProperty(origins, rpId, new DefaultChallenge(challenge));
    }

    private static COSEKey coseKeyOf(PublicKey key) {
        return key instanceof ECPublicKey ec ? EC2COSEKey.create(ec, COSEAlgorithmIdentifier.ES256)
                : EdDSACOSEKey.create((EdECPublicKey) key, COSEAlgorithmIdentifier.EdDSA);
    }

    private static byte[] decode(String base64url, String field) {
        try {
            return Base64.getUrlDecoder().decode(String.valueOf(base64url));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(field + " is not base64url", notBase64);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SignatureRefusedException refused(String message) {
        return new SignatureRefusedException(ProblemCode.PASSKEY_INVALID, message);
    }
}
