package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.ledger.chain.CanonicalJson;

import java.util.Base64;

/**
 * An intent as issued (to sign or decline, or to approve a key): {@code intent} is the exact bytes
 * to sign, base64url; {@code parsed} is the same JSON for reading; {@code digest} is their SHA-256
 * in hex.
 */
record IssuedIntent(String intent, String digest, JsonNode parsed) {

    static IssuedIntent of(byte[] bytes, String digest) {
        return new IssuedIntent(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), digest,
                CanonicalJson.parse(bytes));
    }
}
