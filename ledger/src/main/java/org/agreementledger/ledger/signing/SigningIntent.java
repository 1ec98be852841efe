package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventHasher;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
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
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final Set<String> FIELDS = new TreeSet<>(Set.of("type", "origin", "agreementId", "termsHash",
            "action", "partyId", "date", "keyId", "nonce", "expiresAt"));

    public SigningIntent {
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The bytes to sign: the intent in canonical JSON, UTF-8. */
    public byte[] bytes() {
        ObjectNode intent = JsonNodeFactory.instance.objectNode()
                .put("type", TYPE)
                .put("origin", origin)
                .put("agreementId", agreementId.toString())
                .put("termsHash", termsHash)
                .put("action", action.intentName())
                .put("partyId", partyId)
                .put("date", date.toString())
                .put("keyId", keyId)
                .put("nonce", nonce)
                .put("expiresAt", expiresAt.toString());
        return CanonicalJson.write(intent).getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the bytes, in hex: a WebAuthn challenge commits to the intent through it. */
    public String digest() {
        return EventHasher.sha256(new String(bytes(), StandardCharsets.UTF_8));
    }

    /**
     * The intent these bytes hold, refused unless they are exactly an intent's canonical bytes: an
     * object of this type with every field and no other, each a string of the right form, written
     * with sorted keys and no whitespace.
     */
    public static SigningIntent parse(byte[] bytes) {
        JsonNode json;
        try {
            json = CanonicalJson.parse(bytes);
        } catch (UncheckedIOException notJson) {
            throw new MalformedIntentException("the intent is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedIntentException("the intent is not a JSON object");
        }
        Set<String> names = new TreeSet<>();
        for (Iterator<String> fields = json.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
        if (!names.equals(FIELDS)) {
            throw new MalformedIntentException("the intent must have exactly the fields " + FIELDS);
        }
        for (String field : FIELDS) {
            if (!json.get(field).isTextual()) {
                throw new MalformedIntentException("the intent's " + field + " is not a string");
            }
        }
        if (!TYPE.equals(json.get("type").textValue())) {
            throw new MalformedIntentException("the intent's type is not " + TYPE);
        }
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
        if (!NONCE.matcher(intent.nonce()).matches()) {
            throw new MalformedIntentException("the intent's nonce is not base64url of at most 32 characters");
        }
        if (!KEY_ID.matcher(intent.keyId()).matches()) {
            throw new MalformedIntentException("the intent's key id is not 1 to 200 printable ASCII characters");
        }
        if (!Arrays.equals(intent.bytes(), bytes)) {
            throw new MalformedIntentException("the intent is not in canonical form (sorted keys, no whitespace)");
        }
        return intent;
    }

    private static String text(JsonNode json, String field) {
        return json.get(field).textValue();
    }
}
