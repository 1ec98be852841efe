package org.agreementledger.ledger.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventHasher;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The form every intent a key signs shares: a JSON object of string fields, one of them its
 * {@code type}, written in canonical JSON (sorted keys, no whitespace) and read back only from
 * exactly those bytes.
 */
final class IntentJson {

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private IntentJson() {
    }

    /** The canonical bytes of an intent of this type with these fields. */
    static byte[] bytes(String type, Map<String, String> fields) {
        ObjectNode intent = JsonNodeFactory.instance.objectNode().put("type", type);
        fields.forEach(intent::put);
        return CanonicalJson.write(intent).getBytes(StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the bytes, in hex: a WebAuthn challenge commits to the intent through it. */
    static String digest(byte[] bytes) {
        return EventHasher.sha256(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * The object these bytes hold, refused unless it has exactly the fields named (and
     * {@code type}), each a string, and {@code type} is the one given.
     */
    static JsonNode read(byte[] bytes, String type, Set<String> fields) {
        JsonNode json;
        try {
            json = CanonicalJson.parse(bytes);
        } catch (UncheckedIOException notJson) {
            throw new MalformedIntentException("the intent is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedIntentException("the intent is not a JSON object");
        }
        Set<String> expected = new TreeSet<>(fields);
        expected.add("type");
        Set<String> names = new TreeSet<>();
        for (Iterator<String> present = json.fieldNames(); present.hasNext(); ) {
            names.add(present.next());
        }
        if (!names.equals(expected)) {
            throw new MalformedIntentException("the intent must have exactly the fields " + expected);
        }
        for (String field : expected) {
            if (!json.get(field).isTextual()) {
                throw new MalformedIntentException("the intent's " + field + " is not a string");
            }
        }
        if (!type.equals(json.get("type").textValue())) {
            throw new MalformedIntentException("the intent's type is not " + type);
        }
        return json;
    }

    /** The {@code type} the bytes name, if they are a JSON object naming one; null otherwise. */
    static String typeOf(byte[] bytes) {
        try {
            JsonNode json = CanonicalJson.parse(bytes);
            return json == null || !json.isObject() ? null : CanonicalJson.textField(json, "type");
        } catch (UncheckedIOException | IllegalArgumentException notJson) {
            return null;
        }
    }

    /** Refuses a nonce or a key id of another form than the ledger issues, before either reaches a query. */
    static void requireWellFormed(String nonce, String... keyIds) {
        if (!NONCE.matcher(nonce).matches()) {
            throw new MalformedIntentException("the intent's nonce is not base64url of at most 32 characters");
        }
        for (String keyId : keyIds) {
            if (!SigningIntent.KEY_ID.matcher(keyId).matches()) {
                throw new MalformedIntentException("the intent's key id is not 1 to 200 printable ASCII characters");
            }
        }
    }

    /** Refuses bytes that hold the right intent but not in its canonical form. */
    static void requireCanonical(byte[] canonical, byte[] given) {
        if (!Arrays.equals(canonical, given)) {
            throw new MalformedIntentException("the intent is not in canonical form (sorted keys, no whitespace)");
        }
    }
}
