package org.agreementledger.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks C2SP signed notes made with one Ed25519 key, given as a verifier key
 * ({@code <name>+<hex key id>+<base64(0x01 || public key)>}): the note's text is trusted only when
 * a signature line of that key verifies over it.
 */
public final class NoteVerifier {

    /** The signature type of Ed25519 in key ids and verifier keys. */
    static final byte ED25519 = 0x01;
    static final String SIGNATURE_LINE_START = "\u2014 ";
    /** The X.509 SubjectPublicKeyInfo prefix of a raw Ed25519 public key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** Enough for every checkpoint of a large log; beyond it, notes are checked anew each time. */
    private static final int NOTES_REMEMBERED = 100_000;

    private final String name;
    private final byte[] publicKey;
    private final byte[] keyId;
    /**
     * The notes whose signature verified, with their text: the JDK's Ed25519 takes milliseconds a
     * check, and verifying the whole ledger checks every checkpoint ever signed. A note is the same
     * bytes or another note, so a note found here verified before and would verify again.
     */
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public NoteVerifier(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
    }

    /** Reads a verifier key, as {@link #verifierKey()} writes it. */
    public static NoteVerifier of(String verifierKey) {
        // a name holds no '+', a key id is hex; the base64 key may hold '+'
        String[] parts = verifierKey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key id>+<key>");
        }
        byte[] typedKey = Base64.getDecoder().decode(parts[2]);
        if (typedKey.length != 33 || typedKey[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys are known here");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(typedKey, 1, 33));
        if (!HexFormat.of().formatHex(verifier.keyId).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        return verifier;
    }

    public String verifierKey() {
        byte[] typedKey = new byte[33];
        typedKey[0] = ED25519;
        System.arraycopy(publicKey, 0, typedKey, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typedKey);
    }

    public String name() {
        return name;
    }

    /** The note's text (the part signed), when a signature of this key verifies over it. */
    public String verifiedText(String note) throws NoteException {
        String known = verified.get(note);
        if (known != null) {
            return known;
        }
        String text = textSignedIn(note);
        if (verified.size() < NOTES_REMEMBERED) {
            verified.put(note, text);
        }
        return text;
    }

    private String textSignedIn(String note) throws NoteException {
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new NoteException("a signed note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, blank + 1);
        for (String line : note.substring(blank + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_LINE_START + name + " ")) {
                continue;
            }
            byte[] signature = Base64.getDecoder().decode(line.substring(SIGNATURE_LINE_START.length() + name.length() + 1));
            if (signature.length == 68 && MessageDigest.isEqual(Arrays.copyOf(signature, 4), keyId)) {
                if (!verifies(text, Arrays.copyOfRange(signature, 4, 68))) {
                    throw new NoteException("the signature of " + name + " does not verify over the note");
                }
                return text;
            }
        }
        throw new NoteException("the note holds no signature of " + name + " with key id "
                + HexFormat.of().formatHex(keyId));
    }

    /**
     * The checkpoint a note holds, when a signature of this key verifies over it and the checkpoint
     * is of this key's log (its origin is the key's name).
     */
    public Checkpoint verifiedCheckpoint(String note) throws NoteException {
        Checkpoint checkpoint = Checkpoint.parse(verifiedText(note));
        if (!checkpoint.origin().equals(name)) {
            throw new NoteException("it is the checkpoint of log " + checkpoint.origin() + ", not of " + name);
        }
        return checkpoint;
    }

    /** The Ed25519 public key, e.g. to check what else the log's key signs. */
    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509(publicKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime reads Ed25519 public keys", e);
        }
    }

    private boolean verifies(String text, byte[] signature) throws NoteException {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey());
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new NoteException("the key or signature is not Ed25519: " + e.getMessage());
        }
    }

    /** The C2SP key id: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
    static byte[] keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            return Arrays.copyOf(sha256.digest(publicKey), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] x509(byte[] rawPublicKey) {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, 32);
        return encoded;
    }

    static byte[] raw(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
