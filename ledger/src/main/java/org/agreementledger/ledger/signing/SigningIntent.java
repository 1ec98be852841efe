package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a party's key signs: one action on one agreement's terms, by one party on one business date,
 * with one key, once (a nonce the ledger issued, unused, unexpired). Its bytes are canonical JSON
 * (sorted keys, no whitespace), tagged with its {@link #TYPE} so that they cannot be mistaken for
 * anything else the ledger's or the party's keys sign; a client signs them exactly as issued.
 */
public record SigningIntent(String origin, UUID agreementId, String termsHash, SigningAction action, String partyId,
                            LocalDate date, String keyId, String nonce, Instant expiresAt) {

    public static final String TYPE = "agreement-ledger/signing-intent/v1";

    /** A key id as the ledger puts it in an intent: printable ASCII, no spaces. */
    public static final Pattern KEY_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private static final Set<String> FIELDS = Set.of("origin", "agreementId", "termsHash", "action", "partyId",
            "date", "keyId", "nonce", "expiresAt");

    public SigningIntent {
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The bytes to sign: the intent in canonical JSON, UTF-8. */
    public byte[] bytes() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("origin", origin);
        fields.put("agreementId", agreementId.toString());
        fields.put("termsHash", termsHash);
        fields.put("action", action.intentName());
        fields.put("partyId", partyId);
        fields.put("date", date.toString());
        fields.put("keyId", keyId);
        fields.put("nonce", nonce);
        fields.put("expiresAt", expiresAt.toString());
        return IntentJson.bytes(TYPE, fields);
    }

    /** Whether the intent is for exactly this act: agreement, action, signer, business date and key. */
    public boolean isFor(UUID agreement, SigningAction act, String signer, LocalDate businessDate, String key) {
        return agreementId.equals(agreement) && action == act && partyId.equals(signer) && date.equals(businessDate)
                && keyId.equals(key);
    }

    /** What the intent commits to, in words. */
    public String describe() {
        return "to " + action.intentName() + " agreement " + agreementId + " for " + partyId + " on " + date + " with "
                + keyId + " over terms " + termsHash;
    }

    /** The SHA-256 of the bytes, in hex: a WebAuthn challenge commits to the intent through it. */
    public String digest() {
        return IntentJson.digest(bytes());
    }

    /**
     * The intent these bytes hold, refused unless they are exactly an intent's canonical bytes: an
     * object of this type with every field and no other, each a string of the right form, written
     * with sorted keys and no whitespace.
     */
    public static SigningIntent parse(byte[] bytes) {
        JsonNode json = IntentJson.read(bytes, TYPE, FIELDS);
        SigningIntent intent;
        try {
            intent = new SigningIntent(text(json, "origin"), UUID.fromString(text(json, "agreementId")),
                    text(json, "termsHash"),
                    SigningAction.named(text(json, "action"))
                            .orElseThrow(() -> new MalformedIntentException("the intent's action is unknown")),
                    text(json, "partyId"), LocalDate.parse(text(json, "date")), text(json, "keyId"),
                    text(json, "nonce"), Instant.parse(text(json, "expiresAt")));
        } catch (IllegalArgumentException | DateTimeParseException badValue) {
            throw new MalformedIntentException("the intent holds a malformed value: " + badValue.getMessage());
        }
        IntentJson.requireWellFormed(intent.nonce(), intent.keyId());
        IntentJson.requireCanonical(intent.bytes(), bytes);
        return intent;
    }

    private static String text(JsonNode json, String field) {
        return json.get(field).textValue();
    }
}
