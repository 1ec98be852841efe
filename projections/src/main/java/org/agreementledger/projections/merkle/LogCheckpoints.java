package org.agreementledger.projections.merkle;

import org.agreementledger.ledger.audit.FoundCheckpoint;
import org.agreementledger.ledger.checkpoint.Checkpoint;
import org.agreementledger.ledger.checkpoint.NoteException;
import org.agreementledger.ledger.checkpoint.NoteSigner;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The log's signed checkpoints: signed with the log's Ed25519 key, whose file lives outside the
 * database ({@code ledger.log.signing-key-file}); kept in {@code ledger_checkpoint} and, one file
 * per checkpoint, in a directory outside the database too, so that a copy survives a rewrite of
 * the database.
 */
@Repository
public class LogCheckpoints implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LogCheckpoints.class);

    private static final String COPY_SUFFIX = ".checkpoint";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String origin;
    private final NoteSigner signer;
    private final Path directory;

    public LogCheckpoints(JdbcTemplate jdbc, Clock clock, @Value("${ledger.log.origin}") String origin, KeyPair logKey,
                          @Value("${ledger.log.checkpoint-directory}") Path directory) throws IOException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.origin = origin;
        this.signer = new NoteSigner(origin, logKey);
        this.directory = directory;
        requireTheKeyPairMatches();
        Files.createDirectories(directory);
        log.info("The log {} signs its checkpoints with verifier key {}; copies in {}", origin, verifierKey(),
                directory.toAbsolutePath().normalize());
    }

    /**
     * A node whose key is not the ledger's would attest events and sign checkpoints nobody can check
     * against the ledger's verifier key: it refuses to start once the latest checkpoint shows it,
     * before it serves a request or runs a processor.
     */
    @Override
    public void afterSingletonsInstantiated() {
        requireTheLedgersKey();
    }

    private void requireTheLedgersKey() {
        Optional<SignedCheckpoint> latest = latest();
        if (latest.isEmpty()) {
            return;
        }
        try {
            signer.verifier().verifiedText(latest.get().note());
        } catch (NoteException notOurs) {
            throw new IllegalStateException("This node's signing key (verifier key " + verifierKey() + ") is not the"
                    + " key of the ledger it runs on: its latest checkpoint does not verify with it (" + notOurs.getMessage()
                    + "). Give every node the ledger's key file (LEDGER_SIGNING_KEY_FILE).");
        }
    }

    /** The C2SP verifier key of the log's checkpoints: what an auditor trusts. */
    public String verifierKey() {
        return signer.verifier().verifierKey();
    }

    public String origin() {
        return origin;
    }

    /** The directory outside the database where every checkpoint is copied, a file each. */
    public Path copies() {
        return directory;
    }

    /** A checkpoint as kept: the size of the tree it signs, and the signed note. */
    public record SignedCheckpoint(long treeSize, String note) {
    }

    /** The latest signed checkpoint. */
    public Optional<SignedCheckpoint> latest() {
        return jdbc.query("SELECT tree_size, note FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (row, i) -> new SignedCheckpoint(row.getLong(1), row.getString(2))).stream().findFirst();
    }

    /** Every checkpoint kept, in the database and as copies outside it, for verification to compare. */
    public List<FoundCheckpoint> everyCopy() {
        List<FoundCheckpoint> found = new ArrayList<>(jdbc.query(
                "SELECT tree_size, note FROM ledger_checkpoint ORDER BY tree_size",
                (row, i) -> new FoundCheckpoint("ledger_checkpoint (tree size " + row.getLong(1) + ")", row.getString(2))));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(COPY_SUFFIX)).sorted().toList()) {
                found.add(new FoundCheckpoint(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint copies in " + directory, e);
        }
        return found;
    }

    /** Checks what the log's key signed: checkpoints, and the writing nodes' attestations. */
    public NoteVerifier verifier() {
        return signer.verifier();
    }

    /** The size of the tree the latest checkpoint covers, 0 when none is signed. */
    public long latestSize() {
        Long size = jdbc.queryForObject("SELECT coalesce(max(tree_size), 0) FROM ledger_checkpoint", Long.class);
        return size == null ? 0 : size;
    }

    /** Signs and keeps the checkpoint of the tree of this size; answers its note (the kept one if signed before). */
    String sign(long size, byte[] root) {
        String note = signer.sign(new Checkpoint(origin, size, root).body());
        List<String> kept = jdbc.query("""
                        INSERT INTO ledger_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (tree_size) DO NOTHING RETURNING note""",
                (row, i) -> row.getString(1), size, root, note, Timestamp.from(clock.instant()));
        return kept.isEmpty() ? jdbc.queryForObject("SELECT note FROM ledger_checkpoint WHERE tree_size = ?",
                String.class, size) : kept.get(0);
    }

    /** Writes the checkpoint's copy outside the database, once: a file is never overwritten. */
    void writeCopy(long size, String note) {
        try {
            Files.writeString(directory.resolve(size + COPY_SUFFIX), note, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException writtenBefore) {
            // the copy of this size is there already
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the copy of checkpoint " + size + " to " + directory, e);
        }
    }

    private void requireTheKeyPairMatches() {
        try {
            signer.verifier().verifiedText(signer.sign("a test of the log's key\n"));
        } catch (NoteException | RuntimeException mismatch) {
            throw new IllegalStateException("the log key's private and public halves are not one pair", mismatch);
        }
    }
}
