package org.agreementledger.api.web.signing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signing intent as issued: {@code intent} is the exact bytes to sign, base64url; {@code parsed}
 * is the same JSON for reading; {@code digest} is their SHA-256 in hex.
 */
record IssuedIntent(String intent, String digest, JsonNode parsed) {
}
