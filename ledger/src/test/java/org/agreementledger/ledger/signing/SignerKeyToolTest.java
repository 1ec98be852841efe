package org.agreementledger.ledger.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignerKeyToolTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void keygenWritesAKeyOnlyItsOwnerReadsAndPrintsThePublicKeyAndItsId() throws Exception {
        Path file = directory.resolve("party.pem");

        assertThat(run("keygen", file.toString())).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Ed25519PublicKey printed = Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(line("publicKey")));
        assertThat(line("keyId")).isEqualTo(printed.keyId());
        String firstKey = line("publicKey");
        out.reset();
        assertThat(run("keygen", file.toString())).as("the same key again, not a new one").isZero();
        assertThat(line("publicKey")).isEqualTo(firstKey);
    }

    @Test
    void signPrintsASignatureOfTheIntentsExactBytesByTheKey() throws Exception {
        Path file = directory.resolve("party.pem");
        run("keygen", file.toString());
        Ed25519PublicKey key = Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(line("publicKey")));
        SigningIntent intent = intentFor(key.keyId());
        out.reset();

        assertThat(run("sign", file.toString(), encoded(intent.bytes()))).isZero();

        byte[] signature = Base64.getUrlDecoder().decode(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(key.verifies(intent.bytes(), signature)).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sign agreement " + intent.agreementId(),
                intent.termsHash(), intent.partyId());
    }

    @Test
    void signAlsoSignsAnIntentToApproveAnotherKeyOfTheParty() throws Exception {
        Path file = directory.resolve("party.pem");
        run("keygen", file.toString());
        Ed25519PublicKey key = Ed25519PublicKey.fromRaw(Base64.getDecoder().decode(line("publicKey")));
        KeyApprovalIntent intent = new KeyApprovalIntent("agreement-ledger/log", "CN-URUMQI-XJU", key.keyId(),
                "ed25519:new-key", "AAECAw==", "bm9uY2U", Instant.parse("2024-08-22T10:15:30Z"));
        out.reset();

        assertThat(run("sign", file.toString(), encoded(intent.bytes()))).isZero();

        byte[] signature = Base64.getUrlDecoder().decode(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(key.verifies(intent.bytes(), signature)).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("approve key ed25519:new-key", "AAECAw==",
                "CN-URUMQI-XJU");
    }

    @Test
    void signRefusesAnythingButACanonicalIntentNamingItsKey() {
        Path file = directory.resolve("party.pem");
        run("keygen", file.toString());
        SigningIntent forAnotherKey = intentFor("ed25519:another");
        String notCanonical = new String(intentFor(line("keyId")).bytes(), StandardCharsets.UTF_8)
                .replace(",", ", ");
        out.reset();

        assertThat(run("sign", file.toString(), encoded(forAnotherKey.bytes()))).isEqualTo(1);
        assertThat(run("sign", file.toString(), encoded(notCanonical.getBytes(StandardCharsets.UTF_8)))).isEqualTo(1);
        assertThat(run("sign", file.toString(), encoded("a contract".getBytes(StandardCharsets.UTF_8)))).isEqualTo(1);
        assertThat(run("sign", file.toString(), "not base64url!")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("nothing signed").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("names key ed25519:another", "nothing signed");
    }

    @Test
    void missingFilesAndArgumentsAreUsageErrors() {
        assertThat(run("sign", directory.resolve("none.pem").toString(), "e30")).isEqualTo(2);
        assertThat(run("sign")).isEqualTo(2);
        assertThat(run("keygen")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) {
        return SignerKeyTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String line(String label) {
        return out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith(label + " "))
                .map(line -> line.substring(label.length() + 1)).findFirst().orElseThrow();
    }

    private static SigningIntent intentFor(String keyId) {
        return new SigningIntent("agreement-ledger/log", UUID.randomUUID(), "cd".repeat(32), SigningAction.SIGN,
                "CN-URUMQI-XJU", LocalDate.parse("2024-08-22"), keyId, "bm9uY2U", Instant.now());
    }

    private static String encoded(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
