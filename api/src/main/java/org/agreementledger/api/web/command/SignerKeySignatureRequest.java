package org.agreementledger.api.web.command;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A signature by a party's Ed25519 key: the key's id, the intent as issued and the signature, both base64url. */
record SignerKeySignatureRequest(@NotBlank @Size(max = 200) String keyId, @NotBlank @Size(max = 4000) String intent,
                                 @NotBlank @Size(max = 200) String value) {
}
