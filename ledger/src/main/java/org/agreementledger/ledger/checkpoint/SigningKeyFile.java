package org.agreementledger.ledger.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ed25519 key pair in a PEM file (private key as PKCS#8, public key as X.509), created on first
 * use, readable by its owner only: the log's signing key, outside the database, and a party's
 * signer key, made by the verifier jar's {@code keygen}.
 */
public final class SigningKeyFile {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1 KEY-----");

    private SigningKeyFile() {
    }

    /** The key pair in the file; a new one, written there, when there is no file yet. */
    public static KeyPair loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // another node or process on the same file got there first: use its key
            }
        }
        return load(file);
    }

    private static void create(Path file) throws IOException {
        KeyPair keys;
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has Ed25519", e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        String pem = block("PRIVATE", keys.getPrivate().getEncoded()) + block("PUBLIC", keys.getPublic().getEncoded());
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException noPosix) {
            // a file system without POSIX permissions: its own access rules apply
        }
    }

    private static KeyPair load(Path file) throws IOException {
        Matcher blocks = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        byte[] privateKey = null;
        byte[] publicKey = null;
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            if (blocks.group(1).equals("PRIVATE")) {
                privateKey = der;
            } else {
                publicKey = der;
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IOException(file + " holds no Ed25519 private and public key in PEM");
        }
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            return new KeyPair(ed25519.generatePublic(new X509EncodedKeySpec(publicKey)),
                    ed25519.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " holds no Ed25519 key pair: " + e.getMessage(), e);
        }
    }

    private static String block(String kind, byte[] der) {
        return "-----BEGIN " + kind + " KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + kind + " KEY-----\n";
    }
}
