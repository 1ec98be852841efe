package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.signing.SignatureRefusedException;
import org.agreementledger.ledger.signing.PasskeyPublicKey;
import org.agreementledger.ledger.signing.SignerKeySignature;

import java.util.Base64;

/**
 * A signature by a signer's own key, all base64url: the intent as issued and the signature; for an
 * Ed25519 key, its {@code keyId}; for a passkey, its {@code keyId} or {@code credentialId}, and the
 * assertion's {@code authenticatorData} and {@code clientDataJSON}.
 */
record SignerKeySignatureRequest(@Size(max = 200) String keyId, @Size(max = 2000) String credentialId,
                                 @NotBlank @Size(max = 4000) String intent, @NotBlank @Size(max = 400) String value,
                                 @Size(max = 4000) String authenticatorData, @Size(max = 4000) String clientDataJSON) {

    /** The signature as the event keeps it; a passkey's credential id names its key. */
    SignerKeySignature toSignature() {
        String named = keyId;
        if (named == null && credentialId != null) {
            try {
                named = PasskeyPublicKey.keyIdOf(Base64.getUrlDecoder().decode(credentialId));
            } catch (IllegalArgumentException notBase64) {
                throw new SignatureRefusedException(ProblemCode.SIGNER_KEY_UNKNOWN, "credentialId is not base64url");
            }
        }
        if (named == null || named.isBlank()) {
            throw new SignatureRefusedException(ProblemCode.SIGNER_KEY_UNKNOWN,
                    "name the key: its keyId, or a passkey's credentialId");
        }
        return new SignerKeySignature(named, intent, value, authenticatorData, clientDataJSON);
    }
}
