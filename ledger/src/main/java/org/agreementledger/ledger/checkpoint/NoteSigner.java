package org.agreementledger.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

/** Signs texts as C2SP signed notes with an Ed25519 key pair under a name (the log's origin). */
public final class NoteSigner {

    private final String name;
    private final KeyPair keyPair;
    private final NoteVerifier verifier;

    public NoteSigner(String name, KeyPair keyPair) {
        if (!"Ed25519".equals(keyPair.getPrivate().getAlgorithm()) && !"EdDSA".equals(keyPair.getPrivate().getAlgorithm())) {
            throw new IllegalArgumentException("notes are signed with Ed25519 keys");
        }
        this.name = name;
        this.keyPair = keyPair;
        this.verifier = new NoteVerifier(name, NoteVerifier.raw(keyPair.getPublic()));
    }

    /** The note: the text (ending in a newline), a blank line and this key's signature line. */
    public String sign(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline and holds no blank line");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keyPair.getPrivate());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] keyIdAndSignature = new byte[4 + signature.length];
            System.arraycopy(NoteVerifier.keyId(name, NoteVerifier.raw(keyPair.getPublic())), 0, keyIdAndSignature, 0, 4);
            System.arraycopy(signature, 0, keyIdAndSignature, 4, signature.length);
            return text + "\n" + NoteVerifier.SIGNATURE_LINE_START + name + " "
                    + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime signs with Ed25519", e);
        }
    }

    /** What a verifier of this signer's notes needs: the verifier key. */
    public NoteVerifier verifier() {
        return verifier;
    }
}
