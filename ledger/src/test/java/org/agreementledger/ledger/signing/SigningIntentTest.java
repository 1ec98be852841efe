package org.agreementledger.ledger.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningIntentTest {

    private static final SigningIntent INTENT = new SigningIntent("agreement-ledger/log",
            UUID.fromString("6f1c2a9e-4b7d-4c1e-9a3f-2d8b7e6c5a41"), "ab".repeat(32), SigningAction.SIGN,
            "CN-URUMQI-XJU", LocalDate.parse("2024-08-22"), "ed25519:key", "bm9uY2U",
            Instant.parse("2024-08-22T10:15:30.250Z"));

    private static final String CANONICAL = "{\"action\":\"sign\",\"agreementId\":\"6f1c2a9e-4b7d-4c1e-9a3f-2d8b7e6c5a41\","
            + "\"date\":\"2024-08-22\",\"expiresAt\":\"2024-08-22T10:15:30Z\",\"keyId\":\"ed25519:key\","
            + "\"nonce\":\"bm9uY2U\",\"origin\":\"agreement-ledger/log\",\"partyId\":\"CN-URUMQI-XJU\","
            + "\"termsHash\":\"" + "ab".repeat(32) + "\",\"type\":\"agreement-ledger/signing-intent/v1\"}";

    @Test
    void theBytesToSignAreTheIntentInCanonicalJsonWithItsType() {
        assertThat(new String(INTENT.bytes(), StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
    }

    @Test
    void theDigestIsTheSha256OfTheBytes() throws Exception {
        assertThat(INTENT.digest()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(CANONICAL.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theBytesAreReadBackAsTheSameIntent() {
        assertThat(SigningIntent.parse(INTENT.bytes())).isEqualTo(INTENT);
    }

    @Test
    void bytesThatAreNotExactlyACanonicalIntentAreRefused() {
        assertRefused("not json", "not JSON");
        assertRefused("[1,2]", "not a JSON object");
        assertRefused(CANONICAL.replace(",\"date\"", ", \"date\""), "canonical");
        assertRefused(CANONICAL.replace("{\"action\":\"sign\",\"agreementId\":\"6f1c2a9e-4b7d-4c1e-9a3f-2d8b7e6c5a41\",",
                "{\"agreementId\":\"6f1c2a9e-4b7d-4c1e-9a3f-2d8b7e6c5a41\",\"action\":\"sign\","), "canonical");
        assertRefused(CANONICAL + " ", "canonical");
        assertRefused(CANONICAL.replace("{\"action\"", "{\"extra\":\"x\",\"action\""), "exactly the fields");
        assertRefused(CANONICAL.replace("\"action\":\"sign\",", ""), "exactly the fields");
        assertRefused(CANONICAL.replace("\"sign\"", "\"approve\""), "action is unknown");
        assertRefused(CANONICAL.replace("\"2024-08-22\"", "22"), "date is not a string");
        assertRefused(CANONICAL.replace("\"2024-08-22\"", "\"22.08.2024\""), "malformed value");
        assertRefused(CANONICAL.replace("signing-intent/v1", "signing-intent/v2"), "type");
        assertRefused(CANONICAL.replace("bm9uY2U", "\\u0000"), "nonce");
        assertRefused(CANONICAL.replace("bm9uY2U", "n".repeat(33)), "nonce");
        assertRefused(CANONICAL.replace("ed25519:key", "ed25519 key"), "key id");
    }

    private static void assertRefused(String bytes, String reason) {
        assertThatThrownBy(() -> SigningIntent.parse(bytes.getBytes(StandardCharsets.UTF_8)))
                .as(bytes).isInstanceOf(MalformedIntentException.class).hasMessageContaining(reason);
    }
}
