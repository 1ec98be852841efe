package org.agreementledger.ledger.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.ledger.metadata.LedgerMetaData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an event: SHA-256 over the canonical JSON of its identity, type, payload and
 * metadata (all but the hash itself). The metadata holds the previous event's hash, which links
 * each agreement's events into a chain.
 */
public final class EventHasher {

    /** The previous hash of an agreement's first event. */
    public static final String GENESIS = "0".repeat(64);

    private EventHasher() {
    }

    public static String hash(StoredEvent event) {
        return hash(event, metaDataOf(event));
    }

    /** The hash of an event whose metadata was parsed already. */
    static String hash(StoredEvent event, JsonNode metaData) {
        return sha256(canonicalContent(event, metaData));
    }

    /** The exact text the hash is taken over; documented so an auditor can recompute it. */
    public static String canonicalContent(StoredEvent event) {
        return canonicalContent(event, metaDataOf(event));
    }

    private static String canonicalContent(StoredEvent event, JsonNode metaData) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("eventIdentifier", event.eventIdentifier());
        content.put("aggregateIdentifier", event.aggregateIdentifier());
        content.put("sequenceNumber", event.sequenceNumber());
        content.put("aggregateType", event.aggregateType());
        content.put("payloadType", event.payloadType());
        content.put("payloadRevision", event.payloadRevision());
        content.set("payload", CanonicalJson.parse(event.payload()));
        content.set("metaData", CanonicalJson.without(metaData, LedgerMetaData.HASH,
                LedgerMetaData.ATTESTATION));
        return CanonicalJson.write(content);
    }

    /** The stored hash of an event, or {@code null} when its metadata holds none. */
    public static String storedHash(StoredEvent event) {
        return CanonicalJson.textField(metaDataOf(event), LedgerMetaData.HASH);
    }

    /** The writing node's attestation of the event's hash, or {@code null} when its metadata holds none. */
    public static String storedAttestation(StoredEvent event) {
        return CanonicalJson.textField(metaDataOf(event), LedgerMetaData.ATTESTATION);
    }

    /** The previous hash an event names, or {@code null} when its metadata holds none. */
    public static String storedPreviousHash(StoredEvent event) {
        return CanonicalJson.textField(metaDataOf(event), LedgerMetaData.PREVIOUS_HASH);
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256, to feed a text that is better not held whole. */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static JsonNode metaDataOf(StoredEvent event) {
        return event.metaData() == null ? JsonNodeFactory.instance.objectNode() : CanonicalJson.parse(event.metaData());
    }
}
