package org.agreementledger.ledger.checkpoint;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed notes and checkpoints, checked against the reference: the example note of Go's
 * golang.org/x/mod/sumdb/note (key "PeterNeumann"), which C2SP's signed-note format follows.
 */
class SignedNoteTest {

    private static final String PETER_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The signer key of the same example: 0x01 followed by the Ed25519 seed. */
    private static final String PETER_SIGNER_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theReferenceNoteVerifiesUnderTheReferenceKey() throws Exception {
        assertThat(NoteVerifier.of(PETER_VERIFIER_KEY).verifiedText(NOTE)).isEqualTo(TEXT);
        assertThat(NoteVerifier.of(PETER_VERIFIER_KEY).verifierKey()).isEqualTo(PETER_VERIFIER_KEY);
    }

    @Test
    void signingTheReferenceTextWithTheReferenceKeyGivesTheReferenceNoteByteForByte() throws Exception {
        byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(PETER_SIGNER_SEED), 1, 33);
        byte[] publicKey = Arrays.copyOfRange(Base64.getDecoder().decode(
                PETER_VERIFIER_KEY.substring(PETER_VERIFIER_KEY.lastIndexOf('+') + 1)), 1, 33);
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        KeyPair peter = new KeyPair(ed25519.generatePublic(new X509EncodedKeySpec(NoteVerifier.x509(publicKey))),
                ed25519.generatePrivate(new PKCS8EncodedKeySpec(concat(
                        HexFormat.of().parseHex("302e020100300506032b657004220420"), seed))));

        assertThat(new NoteSigner("PeterNeumann", peter).sign(TEXT)).isEqualTo(NOTE);
    }

    /** The verifier key of transparency-dev/formats' tests whose base64 holds a '+'. */
    @Test
    void aVerifierKeyWhoseBase64HoldsAPlusReadsBack() {
        String plusKey = "TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6";

        assertThat(NoteVerifier.of(plusKey).verifierKey()).isEqualTo(plusKey);
        assertThat(NoteVerifier.of(plusKey).name()).isEqualTo("TEST");
    }

    /** A note once verified is remembered, and a note that differs from it in one byte is still checked. */
    @Test
    void aNoteAlteredAfterItsGenuineSelfVerifiedIsStillRefused() throws Exception {
        NoteVerifier peter = NoteVerifier.of(PETER_VERIFIER_KEY);
        assertThat(peter.verifiedText(NOTE)).isEqualTo(TEXT);

        assertThatThrownBy(() -> peter.verifiedText(NOTE.replace("answer", "Answer")))
                .isInstanceOf(NoteException.class);
        assertThat(peter.verifiedText(NOTE)).isEqualTo(TEXT);
    }

    @Test
    void anAlteredTextOrAnotherKeyIsRefused() throws Exception {
        NoteVerifier peter = NoteVerifier.of(PETER_VERIFIER_KEY);

        assertThatThrownBy(() -> peter.verifiedText(NOTE.replace("cryptography", "cryptanalysis")))
                .isInstanceOf(NoteException.class).hasMessageContaining("does not verify");
        NoteSigner impostor = new NoteSigner("PeterNeumann", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        assertThatThrownBy(() -> peter.verifiedText(impostor.sign(TEXT)))
                .isInstanceOf(NoteException.class).hasMessageContaining("no signature of PeterNeumann");
        assertThatThrownBy(() -> NoteVerifier.of(PETER_VERIFIER_KEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckpointSignedAsANoteReadsBackAsTheSameCheckpoint() throws Exception {
        NoteSigner log = new NoteSigner("agreement-ledger.example/log",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        byte[] root = HexFormat.of().parseHex("5d0fd4a6a30b14e15e0aba8bbb1ae6bb9b13b4e3dc0f62d1e49b4e6a1c21d9b1");
        Checkpoint checkpoint = new Checkpoint("agreement-ledger.example/log", 71, root);

        String note = log.sign(checkpoint.body());
        Checkpoint read = Checkpoint.parse(NoteVerifier.of(log.verifier().verifierKey()).verifiedText(note));

        assertThat(note).startsWith("agreement-ledger.example/log\n71\nXQ/UpqMLFOFeCrqLuxrmu5sTtOPcD2LR5JtOahwh2bE=\n\n\u2014 ");
        assertThat(read.origin()).isEqualTo("agreement-ledger.example/log");
        assertThat(read.size()).isEqualTo(71);
        assertThat(read.rootHash()).isEqualTo(root);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
