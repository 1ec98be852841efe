package org.agreementledger.ledger.signerkey;

import org.agreementledger.ledger.command.ApproveSignerKey;
import org.agreementledger.ledger.command.RegisterSignerKey;
import org.agreementledger.ledger.command.RevokeSignerKey;
import org.agreementledger.ledger.event.SignerKeyApproved;
import org.agreementledger.ledger.event.SignerKeyEvent;
import org.agreementledger.ledger.event.SignerKeyRegistered;
import org.agreementledger.ledger.event.SignerKeyRevoked;
import org.agreementledger.ledger.signing.Ed25519PublicKey;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.agreementledger.ledger.signing.TestPasskey;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SignerKeyTest {

    private static final String XJU = "CN-URUMQI-XJU";

    private AggregateTestFixture<SignerKey> fixture;
    private Ed25519PublicKey key;
    private String publicKey;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AggregateTestFixture<>(SignerKey.class);
        key = Ed25519PublicKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        publicKey = Base64.getEncoder().encodeToString(key.raw());
    }

    @Test
    void aKeyIsStoredUnderTheTypeReadersLookFor() {
        assertThat(SignerKey.class.getSimpleName()).isEqualTo(SignerKeyEvent.AGGREGATE_TYPE);
    }

    @Test
    void anEd25519KeyIsRegisteredPendingUnderTheIdItsBytesGiveIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(key.keyId(), XJU, "Ed25519", publicKey, "signatory-xju"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SignerKeyRegistered(key.keyId(), XJU, "Ed25519", publicKey, "signatory-xju"));
    }

    @Test
    void aKeyThatIsNotAnEd25519KeyOrNotUnderItsOwnIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(key.keyId(), XJU, "RSA", publicKey, "signatory-xju"))
                .expectException(InvalidSignerKeyException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(key.keyId(), XJU, "Ed25519", "AAAA", "signatory-xju"))
                .expectException(InvalidSignerKeyException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey("ed25519:another", XJU, "Ed25519", publicKey, "signatory-xju"))
                .expectException(InvalidSignerKeyException.class).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString(key.keyId())).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(key.keyId(), " ", "Ed25519", publicKey, "signatory-xju"))
                .expectException(InvalidSignerKeyException.class).expectNoEvents();
    }

    @Test
    void aPasskeyIsRegisteredUnderTheIdItsCredentialGivesItWithItsRelyingParty() {
        TestPasskey passkey = TestPasskey.es256("xju-laptop");
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(passkey.keyId(), XJU, "WebAuthn", passkey.spkiBase64(), "signatory-xju",
                        passkey.credentialId(), "localhost"))
                .expectEvents(new SignerKeyRegistered(passkey.keyId(), XJU, "WebAuthn", passkey.spkiBase64(),
                        "signatory-xju", passkey.credentialId(), "localhost"));
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey("webauthn:another-id", XJU, "WebAuthn", passkey.spkiBase64(),
                        "signatory-xju", passkey.credentialId(), "localhost"))
                .expectException(InvalidSignerKeyException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(passkey.keyId(), XJU, "WebAuthn", "AAAA", "signatory-xju",
                        passkey.credentialId(), "localhost"))
                .expectException(InvalidSignerKeyException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterSignerKey(passkey.keyId(), XJU, "WebAuthn", passkey.spkiBase64(), "signatory-xju",
                        passkey.credentialId(), " "))
                .expectException(InvalidSignerKeyException.class).expectNoEvents();
    }

    @Test
    void aPendingKeyIsApprovedOnceAndForItsOwnPartyOnly() {
        fixture.given(registered())
                .when(new ApproveSignerKey(key.keyId(), XJU, "certifier"))
                .expectEvents(new SignerKeyApproved(key.keyId(), XJU, "certifier"))
                .expectResultMessagePayload(SignerKeyStatus.APPROVED);
        fixture.given(registered(), new SignerKeyApproved(key.keyId(), XJU, "certifier"))
                .when(new ApproveSignerKey(key.keyId(), XJU, "certifier"))
                .expectException(SignerKeyStatusException.class).expectNoEvents();
        fixture.given(registered())
                .when(new ApproveSignerKey(key.keyId(), "KZ-ALMATY-KBTU", "certifier"))
                .expectException(SignerKeyStatusException.class).expectNoEvents();
    }

    @Test
    void anApprovalByAnotherKeyOfThePartyKeepsThatKeysSignatureAndAKeyCannotApproveItself() {
        SignerKeySignature byOtherKey = new SignerKeySignature("ed25519:other-key", "aW50ZW50", "c2ln");
        fixture.given(registered())
                .when(new ApproveSignerKey(key.keyId(), XJU, "signatory-xju", byOtherKey))
                .expectEvents(new SignerKeyApproved(key.keyId(), XJU, "signatory-xju", byOtherKey))
                .expectResultMessagePayload(SignerKeyStatus.APPROVED);
        fixture.given(registered())
                .when(new ApproveSignerKey(key.keyId(), XJU, "signatory-xju",
                        new SignerKeySignature(key.keyId(), "aW50ZW50", "c2ln")))
                .expectException(SignerKeyStatusException.class).expectNoEvents();
    }

    @Test
    void aKeyIsRevokedOnceWhetherPendingOrApprovedAndNeverApprovedAfter() {
        fixture.given(registered())
                .when(new RevokeSignerKey(key.keyId(), XJU, "signatory-xju", "lost"))
                .expectEvents(new SignerKeyRevoked(key.keyId(), XJU, "signatory-xju", "lost"))
                .expectResultMessagePayload(SignerKeyStatus.REVOKED);
        fixture.given(registered(), new SignerKeyApproved(key.keyId(), XJU, "certifier"))
                .when(new RevokeSignerKey(key.keyId(), XJU, "certifier", null))
                .expectEvents(new SignerKeyRevoked(key.keyId(), XJU, "certifier", null));
        fixture.given(registered(), new SignerKeyRevoked(key.keyId(), XJU, "signatory-xju", "lost"))
                .when(new RevokeSignerKey(key.keyId(), XJU, "signatory-xju", "again"))
                .expectException(SignerKeyStatusException.class).expectNoEvents();
        fixture.given(registered(), new SignerKeyRevoked(key.keyId(), XJU, "signatory-xju", "lost"))
                .when(new ApproveSignerKey(key.keyId(), XJU, "certifier"))
                .expectException(SignerKeyStatusException.class).expectNoEvents();
    }

    private SignerKeyRegistered registered() {
        return new SignerKeyRegistered(key.keyId(), XJU, "Ed25519", publicKey, "signatory-xju");
    }
}
