package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A key to register: {@code Ed25519} and {@code publicKey}, base64 of the key's 32 raw bytes; or
 * {@code WebAuthn} and a passkey's registration response, its {@code clientDataJSON} and
 * {@code attestationObject} (base64url), answering options the ledger issued.
 */
record SignerKeyRequest(@NotBlank @Size(max = 20) String algorithm, @Size(max = 100) String publicKey,
                        @Size(max = 4000) String clientDataJSON, @Size(max = 16000) String attestationObject) {
}
