package org.agreementledger.ledger.signing;

import org.agreementledger.ledger.checkpoint.SigningKeyFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * A party's Ed25519 key on the command line, in the verifier jar, so that an API client can sign an
 * intent without writing crypto code:
 * <ul>
 *   <li>{@code keygen <key file>} makes a key pair in a PEM file readable by its owner only (or
 *   reads the one there) and prints the public key to register (base64 of the 32 raw bytes) and its
 *   key id;</li>
 *   <li>{@code sign <key file> <intent>} signs an intent as the ledger issued it (base64url) and
 *   prints the signature (base64url). It signs nothing but a canonical signing intent naming this
 *   key, and says on standard error what the signature commits to.</li>
 * </ul>
 * Exit status 0 when done, 1 when refused, 2 when the arguments or the key file cannot be read.
 */
public final class SignerKeyTool {

    public static final List<String> COMMANDS = List.of("keygen", "sign");
    private static final String USAGE = "usage: java -jar ledger-<version>-certificate-verifier.jar keygen <key file>\n"
            + "       java -jar ledger-<version>-certificate-verifier.jar sign <key file> <intent, base64url>";

    private SignerKeyTool() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("keygen")) {
                return keygen(Path.of(args[1]), out);
            }
            if (args.length == 3 && args[0].equals("sign")) {
                return sign(Path.of(args[1]), args[2], out, err);
            }
        } catch (IOException unreadable) {
            err.println("cannot read or write the key file: " + unreadable.getMessage());
            return 2;
        }
        err.println(USAGE);
        return 2;
    }

    private static int keygen(Path file, PrintStream out) throws IOException {
        boolean existed = Files.exists(file);
        Ed25519PublicKey publicKey = Ed25519PublicKey.of(SigningKeyFile.loadOrCreate(file).getPublic());
        out.println((existed ? "key pair read from " : "key pair written to ") + file);
        out.println("publicKey " + Base64.getEncoder().encodeToString(publicKey.raw()));
        out.println("keyId " + publicKey.keyId());
        return 0;
    }

    private static int sign(Path file, String encodedIntent, PrintStream out, PrintStream err) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist (make one with keygen)");
        }
        KeyPair keys = SigningKeyFile.loadOrCreate(file);
        IntentToSign intent;
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encodedIntent.strip());
            intent = IntentToSign.of(bytes);
        } catch (IllegalArgumentException notAnIntent) {
            err.println("REFUSED: not an intent as the ledger issues them (" + notAnIntent.getMessage()
                    + "); nothing signed");
            return 1;
        }
        String keyId = Ed25519PublicKey.of(keys.getPublic()).keyId();
        if (!intent.keyId().equals(keyId)) {
            err.println("REFUSED: the intent names key " + intent.keyId() + ", this key is " + keyId
                    + "; nothing signed");
            return 1;
        }
        err.println("signing: " + intent.commitment() + ", with " + keyId);
        out.println(Base64.getUrlEncoder().withoutPadding().encodeToString(signature(keys, bytes)));
        return 0;
    }

    /** An intent as the ledger issues them: the key it names and, in words, what signing it commits to. */
    private record IntentToSign(String keyId, String commitment) {

        static IntentToSign of(byte[] bytes) {
            try {
                SigningIntent intent = SigningIntent.parse(bytes);
                return new IntentToSign(intent.keyId(), intent.action().intentName() + " agreement "
                        + intent.agreementId() + " (terms " + intent.termsHash() + ") for party " + intent.partyId()
                        + " on " + intent.date() + ", ledger " + intent.origin() + "; the intent expires at "
                        + intent.expiresAt());
            } catch (MalformedIntentException notASigningIntent) {
                if (!KeyApprovalIntent.TYPE.equals(IntentJson.typeOf(bytes))) {
                    throw notASigningIntent;
                }
                KeyApprovalIntent intent = KeyApprovalIntent.parse(bytes);
                return new IntentToSign(intent.keyId(), "approve key " + intent.approvedKeyId() + " (public key "
                        + intent.approvedPublicKey() + ") of party " + intent.partyId() + ", ledger "
                        + intent.origin() + "; the intent expires at " + intent.expiresAt());
            }
        }
    }

    private static byte[] signature(KeyPair keys, byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(bytes);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has Ed25519", e);
        }
    }
}
