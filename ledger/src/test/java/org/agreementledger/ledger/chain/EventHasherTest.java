package org.agreementledger.ledger.chain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventHasherTest {

    private static final String PAYLOAD = """
            {"agreementId":"3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11","title":"Joint lab",\
            "value":{"amount":"670000000.00","currency":"CNY"},"proposedOn":"2024-08-22"}""";

    private static final String PAYLOAD_REORDERED_AND_INDENTED = """
            {
              "proposedOn" : "2024-08-22",
              "value" : { "currency" : "CNY", "amount" : "670000000.00" },
              "title" : "Joint lab",
              "agreementId" : "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11"
            }
            """;

    private static final String META_DATA = """
            {"actor":"registrar.urumqi-secretariat","correlationId":"c-1",\
            "recordedAt":"2024-09-01T04:00:00Z","previousHash":"%s"}""".formatted(EventHasher.GENESIS);

    private static final String META_DATA_REORDERED = """
            { "previousHash" : "%s",
              "recordedAt" : "2024-09-01T04:00:00Z", "correlationId" : "c-1",
              "actor" : "registrar.urumqi-secretariat" }""".formatted(EventHasher.GENESIS);

    private static StoredEvent event(String payload, String metaData) {
        return event(payload.getBytes(StandardCharsets.UTF_8), metaData);
    }

    private static StoredEvent event(byte[] payload, String metaData) {
        return new StoredEvent("e-1", "3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11", 0, "Agreement",
                "org.agreementledger.ledger.event.AgreementProposed", null, payload,
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCanonicalContentDoesNotDependOnKeyOrderOrWhitespace() {
        StoredEvent stored = event(PAYLOAD, META_DATA);
        StoredEvent sameContent = event(PAYLOAD_REORDERED_AND_INDENTED, META_DATA_REORDERED);

        assertThat(EventHasher.canonicalContent(sameContent)).isEqualTo(EventHasher.canonicalContent(stored));
        assertThat(EventHasher.hash(sameContent)).isEqualTo(EventHasher.hash(stored));
    }

    @Test
    void aChangedPayloadByteChangesTheHash() {
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        byte[] tampered = payload.clone();
        int digit = PAYLOAD.indexOf("670000000.00") + 1;
        tampered[digit] = '8'; // 670000000.00 becomes 680000000.00

        assertThat(EventHasher.hash(event(tampered, META_DATA))).isNotEqualTo(EventHasher.hash(event(payload, META_DATA)));
    }

    @Test
    void aNumericAmountThatLosesATrailingZeroChangesTheHash() {
        String amount = "{\"amount\":670000000.00}";
        String shortened = "{\"amount\":670000000.0}";

        assertThat(EventHasher.canonicalContent(event(amount, META_DATA))).contains("\"amount\":670000000.00");
        assertThat(EventHasher.hash(event(shortened, META_DATA))).isNotEqualTo(EventHasher.hash(event(amount, META_DATA)));
    }

    @Test
    void theCanonicalContentKeepsTheDigitsOfAnAmount() {
        assertThat(EventHasher.canonicalContent(event(PAYLOAD, META_DATA)))
                .contains("\"value\":{\"amount\":\"670000000.00\",\"currency\":\"CNY\"}");
    }

    @Test
    void aChangedPreviousHashChangesTheHash() {
        String otherPrevious = META_DATA.replace(EventHasher.GENESIS, "f".repeat(64));

        assertThat(EventHasher.hash(event(PAYLOAD, otherPrevious))).isNotEqualTo(EventHasher.hash(event(PAYLOAD, META_DATA)));
    }

    @Test
    void theHashDoesNotCoverTheStoredHashItself() {
        String withHash = META_DATA.replace("}", ",\"hash\":\"" + "a".repeat(64) + "\"}");
        String withOtherHash = META_DATA.replace("}", ",\"hash\":\"" + "b".repeat(64) + "\"}");

        assertThat(EventHasher.hash(event(PAYLOAD, withHash)))
                .isEqualTo(EventHasher.hash(event(PAYLOAD, withOtherHash)))
                .isEqualTo(EventHasher.hash(event(PAYLOAD, META_DATA)));
    }

    @Test
    void theHashCoversTheEventIdentity() {
        StoredEvent stored = event(PAYLOAD, META_DATA);
        StoredEvent otherSequence = new StoredEvent(stored.eventIdentifier(), stored.aggregateIdentifier(), 1,
                stored.aggregateType(), stored.payloadType(), stored.payloadRevision(), stored.payload(),
                stored.metaData());

        assertThat(EventHasher.hash(otherSequence)).isNotEqualTo(EventHasher.hash(stored));
    }

    @Test
    void theHashIsTheHexSha256OfTheCanonicalContent() {
        StoredEvent stored = event(PAYLOAD, META_DATA);

        assertThat(EventHasher.hash(stored))
                .hasSize(64)
                .isEqualTo(EventHasher.sha256(EventHasher.canonicalContent(stored)));
        // FIPS 180-2 test vector
        assertThat(EventHasher.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /**
     * Hashes recorded since the first event must recompute byte for byte, whatever the hashing code
     * becomes: text in several scripts, every kind of escape (a lone surrogate included), numbers of
     * every kind, nesting, and metadata fields the hash leaves out.
     */
    @Test
    void theHashOfTrickyContentIsTheOneRecordedBefore() {
        String payload = """
                {"title":"\u4e4c\u9c81\u6728\u9f50 \u2014 \u0410\u043b\u043c\u0430\u0442\u044b \\\"joint\\\" lab\\\\\\t\\n\\u0001\\ud800 \uD83D\uDE00",\
                "count":42,"big":123456789012345678901234567890,"long":9007199254740993,"negative":-7,\
                "decimal":670000000.00,"exponent":1.5E+3,"tiny":0.000001,"yes":true,"no":false,"nothing":null,\
                "nested":{"z":[1,"two",{"b":null,"a":[]}],"a":{}},"empty":""}""";
        String metaData = """
                {"previousHash":"%s","hash":"%s","attestation":"hmac-sha256:x","actor":"记录员",                "recordedAt":"2024-08-22T04:00:00Z"}""".formatted(EventHasher.GENESIS, "f".repeat(64));

        assertThat(EventHasher.hash(event(payload, metaData)))
                .isEqualTo("72cbd41b097cab2b4431761140a370856108081eb1eaedb5477174371eb60e57");
    }

    @Test
    void theStoredAndPreviousHashesAreReadFromTheMetaData() {
        String withHash = META_DATA.replace("}", ",\"hash\":\"" + "a".repeat(64) + "\"}");

        assertThat(EventHasher.storedHash(event(PAYLOAD, withHash))).isEqualTo("a".repeat(64));
        assertThat(EventHasher.storedPreviousHash(event(PAYLOAD, withHash))).isEqualTo(EventHasher.GENESIS);
        assertThat(EventHasher.storedHash(event(PAYLOAD, META_DATA))).isNull();
        assertThat(EventHasher.storedPreviousHash(event(PAYLOAD, null))).isNull();
    }

    @Test
    void theGenesisHashIsSixtyFourZeros() {
        assertThat(EventHasher.GENESIS).hasSize(64).matches("0+");
    }
}
