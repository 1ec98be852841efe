package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a party's approved key signs to approve another key of the same party: the approved key's
 * id and its raw public key (base64), so that the signature vouches for exactly those bytes, once
 * (a nonce the ledger issued, unused, unexpired). Canonical JSON tagged with its own {@link #TYPE},
 * so that neither it nor a {@link SigningIntent} can be taken for the other.
 */
public record KeyApprovalIntent(String origin, String partyId, String keyId, String approvedKeyId,
                                String approvedPublicKey, String nonce, Instant expiresAt) {

    public static final String TYPE = "agreement-ledger/key-approval-intent/v1";

    private static final Set<String> FIELDS = Set.of("origin", "partyId", "keyId", "approvedKeyId",
            "approvedPublicKey", "nonce", "expiresAt");

    public KeyApprovalIntent {
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The bytes to sign: the intent in canonical JSON, UTF-8. */
    public byte[] bytes() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("origin", origin);
        fields.put("partyId", partyId);
        fields.put("keyId", keyId);
        fields.put("approvedKeyId", approvedKeyId);
        fields.put("approvedPublicKey", approvedPublicKey);
        fields.put("nonce", nonce);
        fields.put("expiresAt", expiresAt.toString());
        return IntentJson.bytes(TYPE, fields);
    }

    /** The SHA-256 of the bytes, in hex. */
    public String digest() {
        return IntentJson.digest(bytes());
    }

    /** The intent these bytes hold, refused unless they are exactly such an intent's canonical bytes. */
    public static KeyApprovalIntent parse(byte[] bytes) {
        JsonNode json = IntentJson.read(bytes, TYPE, FIELDS);
        KeyApprovalIntent intent;
        try {
            intent = new KeyApprovalIntent(text(json, "origin"), text(json, "partyId"), text(json, "keyId"),
                    text(json, "approvedKeyId"), text(json, "approvedPublicKey"), text(json, "nonce"),
                    Instant.parse(text(json, "expiresAt")));
        } catch (DateTimeParseException badValue) {
            throw new MalformedIntentException("the intent holds a malformed value: " + badValue.getMessage());
        }
        IntentJson.requireWellFormed(intent.nonce(), intent.keyId(), intent.approvedKeyId());
        IntentJson.requireCanonical(intent.bytes(), bytes);
        return intent;
    }

    private static String text(JsonNode json, String field) {
        return json.get(field).textValue();
    }
}
