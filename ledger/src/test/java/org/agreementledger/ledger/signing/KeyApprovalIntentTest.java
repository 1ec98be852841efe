package org.agreementledger.ledger.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyApprovalIntentTest {

    private static final KeyApprovalIntent INTENT = new KeyApprovalIntent("agreement-ledger/log", "CN-URUMQI-XJU",
            "ed25519:approver", "ed25519:new-key", "AAECAw==", "bm9uY2U", Instant.parse("2024-08-22T10:15:30.250Z"));

    private static final String CANONICAL = "{\"approvedKeyId\":\"ed25519:new-key\",\"approvedPublicKey\":\"AAECAw==\","
            + "\"expiresAt\":\"2024-08-22T10:15:30Z\",\"keyId\":\"ed25519:approver\",\"nonce\":\"bm9uY2U\","
            + "\"origin\":\"agreement-ledger/log\",\"partyId\":\"CN-URUMQI-XJU\","
            + "\"type\":\"agreement-ledger/key-approval-intent/v1\"}";

    @Test
    void theBytesToSignAreTheIntentInCanonicalJsonWithItsOwnType() {
        assertThat(new String(INTENT.bytes(), StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
        assertThat(KeyApprovalIntent.parse(INTENT.bytes())).isEqualTo(INTENT);
    }

    @Test
    void neitherKindOfIntentIsTakenForTheOther() {
        SigningIntent signing = new SigningIntent("agreement-ledger/log", UUID.randomUUID(), "ab".repeat(32),
                SigningAction.SIGN, "CN-URUMQI-XJU", LocalDate.parse("2024-08-22"), "ed25519:approver", "bm9uY2U",
                Instant.parse("2024-08-22T10:15:30Z"));

        assertThatThrownBy(() -> KeyApprovalIntent.parse(signing.bytes())).isInstanceOf(MalformedIntentException.class);
        assertThatThrownBy(() -> SigningIntent.parse(INTENT.bytes())).isInstanceOf(MalformedIntentException.class);
    }

    @Test
    void bytesThatAreNotExactlyACanonicalIntentAreRefused() {
        assertRefused(CANONICAL.replace(",\"keyId\"", ", \"keyId\""), "canonical");
        assertRefused(CANONICAL.replace("\"approvedPublicKey\":\"AAECAw==\",", ""), "exactly the fields");
        assertRefused(CANONICAL.replace("key-approval-intent/v1", "signing-intent/v1"), "type");
        assertRefused(CANONICAL.replace("\"2024-08-22T10:15:30Z\"", "\"tomorrow\""), "malformed value");
        assertRefused(CANONICAL.replace("bm9uY2U", "\\u0000"), "nonce");
        assertRefused(CANONICAL.replace("ed25519:new-key", "new key"), "key id");
    }

    private static void assertRefused(String bytes, String reason) {
        assertThatThrownBy(() -> KeyApprovalIntent.parse(bytes.getBytes(StandardCharsets.UTF_8)))
                .as(bytes).isInstanceOf(MalformedIntentException.class).hasMessageContaining(reason);
    }
}
