package org.agreementledger.ledger.signing;

import org.agreementledger.ledger.signing.TestPasskey.Assertion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasskeyPublicKeyTest {

    private static final byte[] INTENT = "{\"type\":\"agreement-ledger/signing-intent/v1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void anAssertionOverTheIntentsDigestByTheUserVerifiedPasskeyHolds() {
        for (TestPasskey passkey : new TestPasskey[]{TestPasskey.es256("a"), TestPasskey.eddsa("b")}) {
            Assertion assertion = passkey.assertIntent(INTENT);

            assertThat(key(passkey).assertionProblem(INTENT, TestPasskey.RP_ID, assertion.authenticatorData(),
                    assertion.clientDataJSON(), assertion.signature())).isEmpty();
        }
    }

    @Test
    void anAssertionForOtherBytesAnotherPartyWithoutUserVerificationOrByAnotherKeyDoesNotHold() {
        TestPasskey passkey = TestPasskey.es256("a");
        PasskeyPublicKey key = key(passkey);
        Assertion overOther = passkey.assert_(PasskeyPublicKey.challengeFor("other".getBytes(StandardCharsets.UTF_8)),
                TestPasskey.RP_ID, 0x05);
        Assertion elsewhere = passkey.assert_(PasskeyPublicKey.challengeFor(INTENT), "evil.example", 0x05);
        Assertion presentOnly = passkey.assert_(PasskeyPublicKey.challengeFor(INTENT), TestPasskey.RP_ID, 0x01);
        Assertion byAnother = TestPasskey.es256("c").assertIntent(INTENT);

        assertThat(problem(key, overOther)).contains("challenge");
        assertThat(problem(key, elsewhere)).contains("another relying party");
        assertThat(problem(key, presentOnly)).contains("did not verify the user");
        assertThat(problem(key, byAnother)).contains("not the passkey's");
        assertThat(key.assertionProblem(INTENT, TestPasskey.RP_ID, new byte[10], overOther.clientDataJSON(),
                overOther.signature())).isPresent();
        assertThat(key.assertionProblem(INTENT, TestPasskey.RP_ID, overOther.authenticatorData(),
                "not json".getBytes(StandardCharsets.UTF_8), overOther.signature())).hasValue("the client data is not JSON");
    }

    @Test
    void onlyP256AndEd25519KeysAreRead() {
        assertThatThrownBy(() -> PasskeyPublicKey.fromSpki(new byte[]{1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThat(PasskeyPublicKey.keyIdOf("credential".getBytes(StandardCharsets.UTF_8))).startsWith("webauthn:")
                .hasSize("webauthn:".length() + 22);
    }

    private static String problem(PasskeyPublicKey key, Assertion assertion) {
        return key.assertionProblem(INTENT, TestPasskey.RP_ID, assertion.authenticatorData(),
                assertion.clientDataJSON(), assertion.signature()).orElse("");
    }

    private static PasskeyPublicKey key(TestPasskey passkey) {
        return PasskeyPublicKey.fromSpki(Base64.getDecoder().decode(passkey.spkiBase64()));
    }
}
