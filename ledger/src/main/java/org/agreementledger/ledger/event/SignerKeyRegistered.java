package org.agreementledger.ledger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * A signer registered a public key of its own; pending until approved. An {@code Ed25519} key's
 * {@code publicKey} is base64 of its raw bytes. A {@code WebAuthn} passkey's is base64 of its X.509
 * SubjectPublicKeyInfo, with the {@code credentialId} the browser names it by (base64url) and the
 * relying party's id {@code rpId} its assertions are for; an Ed25519 key's stored form is revision
 * 1's.
 */
@Revision("2")
public record SignerKeyRegistered(String keyId, String partyId, String algorithm, String publicKey,
                                  String registeredBy,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String credentialId,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String rpId)
        implements SignerKeyEvent {

    /** An Ed25519 key's registration. */
    public SignerKeyRegistered(String keyId, String partyId, String algorithm, String publicKey, String registeredBy) {
        this(keyId, partyId, algorithm, publicKey, registeredBy, null, null);
    }
}
