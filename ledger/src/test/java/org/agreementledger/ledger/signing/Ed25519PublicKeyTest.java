package org.agreementledger.ledger.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519PublicKeyTest {

    private static final byte[] MESSAGE = "an intent".getBytes(StandardCharsets.UTF_8);

    /** RFC 8032, section 7.1, test 1: the empty message. */
    @Test
    void theRfc8032TestVectorVerifies() {
        Ed25519PublicKey key = Ed25519PublicKey.fromRaw(HexFormat.of().parseHex(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        byte[] signature = HexFormat.of().parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

        assertThat(key.verifies(new byte[0], signature)).isTrue();
        assertThat(key.verifies(new byte[] {0}, signature)).isFalse();
    }

    @Test
    void aSignatureVerifiesOnlyForItsKeyAndItsExactBytes() throws Exception {
        KeyPair pair = newPair();
        Ed25519PublicKey key = Ed25519PublicKey.fromRaw(raw(pair));
        byte[] signature = sign(pair, MESSAGE);

        assertThat(key.verifies(MESSAGE, signature)).isTrue();
        assertThat(key.verifies("an intent!".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Ed25519PublicKey.fromRaw(raw(newPair())).verifies(MESSAGE, signature)).isFalse();
        assertThat(key.verifies(MESSAGE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(key.verifies(MESSAGE, new byte[0])).isFalse();
    }

    @Test
    void theKeyIdIsDerivedFromTheRawKey() throws Exception {
        byte[] raw = raw(newPair());

        assertThat(Ed25519PublicKey.fromRaw(raw).keyId()).isEqualTo(Ed25519PublicKey.fromRaw(raw.clone()).keyId())
                .startsWith("ed25519:").hasSize("ed25519:".length() + 22);
        assertThat(Ed25519PublicKey.fromRaw(raw(newPair())).keyId()).isNotEqualTo(Ed25519PublicKey.fromRaw(raw).keyId());
    }

    @Test
    void onlyThirtyTwoBytesAreAKey() {
        assertThatThrownBy(() -> Ed25519PublicKey.fromRaw(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ed25519PublicKey.fromRaw(null)).isInstanceOf(IllegalArgumentException.class);
    }

    static KeyPair newPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** The raw key: the last 32 bytes of the JDK's X.509 encoding. */
    static byte[] raw(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static byte[] sign(KeyPair pair, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return signer.sign();
    }
}
