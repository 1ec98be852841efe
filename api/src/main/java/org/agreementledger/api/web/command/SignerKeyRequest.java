package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A key to register: {@code Ed25519} and base64 of the key's 32 raw bytes. */
record SignerKeyRequest(@NotBlank @Size(max = 20) String algorithm, @NotBlank @Size(max = 100) String publicKey) {
}
