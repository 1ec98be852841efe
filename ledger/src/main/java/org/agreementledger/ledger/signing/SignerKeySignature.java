package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A signature made with a signer's own key, kept in the event exactly as received and checked
 * before it was written: the key's id, the intent's canonical bytes and the signature, base64url.
 * An Ed25519 key signs the intent's bytes; a passkey signs its authenticator data and client data,
 * whose challenge is the intent's SHA-256 (WebAuthn), both kept too. Whoever holds the log can check
 * it again, offline, against the key's registration.
 */
public record SignerKeySignature(String keyId, String intent, String value,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String authenticatorData,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String clientDataJSON) {

    /** An Ed25519 key's signature over the intent's bytes. */
    public SignerKeySignature(String keyId, String intent, String value) {
        this(keyId, intent, value, null, null);
    }

    /** Whether a passkey made it (WebAuthn), rather than an Ed25519 key. */
    public boolean byPasskey() {
        return authenticatorData != null || clientDataJSON != null;
    }
}
