package org.agreementledger.api.web.audit;

import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.projections.eventstore.StoredEvents;
import org.agreementledger.projections.merkle.LogCheckpoints;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored events altered behind the application's back, as a database superuser who sets the
 * append-only trigger aside, are named by the verification. These tests get a service and a
 * database of their own (the extra property makes a separate application context), and put every
 * row back after each test, so that no other test ever sees a tampered ledger. The Merkle log is
 * integrated when a test says so only, never under its feet.
 */
@TestPropertySource(properties = {"ledger.test.database=tamper-evidence",
        "ledger.merkle.integration-interval=PT1H"})
class LedgerTamperEvidenceTest extends HttpContractTest {

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    StoredEvents storedEvents;
    @Autowired
    MerkleLogIntegrator integrator;
    @Autowired
    LogCheckpoints checkpoints;

    /** What puts the database back as it was, the last change first. */
    private final Deque<Runnable> undo = new ArrayDeque<>();

    @AfterEach
    void restoreTheRowsAndCheckTheLedgerIsIntactAgain() {
        while (!undo.isEmpty()) {
            asSuperuserWithTheTriggerSetAside(undo.pop());
        }
        assertThat(client.get("auditor", "/api/ledger/verify").body().get("intact").asBoolean()).isTrue();
    }

    /** Every event written so far is a leaf of the log and under a signed checkpoint. */
    private void logged() {
        integrator.integrate();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class)).isEqualTo(eventCount());
    }

    /** Deletes the rows of a table that the condition selects, remembering them to put back. */
    private void deleteRows(String table, String condition, Object... arguments) {
        asSuperuserWithTheTriggerSetAside(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " WHERE " + condition,
                    arguments);
            jdbc.update("DELETE FROM " + table + " WHERE " + condition, arguments);
            undo.push(() -> rows.forEach(row -> jdbc.update("INSERT INTO " + table + " (" + String.join(", ", row.keySet())
                    + ")" + (table.equals("domain_event_entry") ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
                    + String.join(", ", Collections.nCopies(row.size(), "?")) + ")", row.values().toArray())));
        });
    }

    /** Runs a change in one transaction whose session does not fire ordinary triggers (superuser only). */
    private void asSuperuserWithTheTriggerSetAside(Runnable change) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            change.run();
        });
    }

    private StoredEvent storedEvent(long position) {
        return storedEvents.page(position - 1, position, 1).get(0).event();
    }

    /** Remembers the row as it is, then replaces its payload or metadata text (null leaves it). */
    private void alter(long position, String payload, String metaData) {
        StoredEvent original = storedEvent(position);
        undo.push(() -> jdbc.update("UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE global_index = ?",
                original.payload(), original.metaData(), position));
        asSuperuserWithTheTriggerSetAside(() -> jdbc.update("""
                        UPDATE domain_event_entry
                        SET payload = coalesce(?, payload), meta_data = coalesce(?, meta_data)
                        WHERE global_index = ?""",
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8), position));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private long lastPosition() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    private List<Long> positionsOf(String agreementId) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, agreementId);
    }

    @Test
    void anAmountChangedInTheStoredPayloadIsNamedAsThatEventsAlteredContent() {
        propose("1.00");
        String id = fullySigned("12500000.00");
        fullySigned("2.00");
        long proposal = positionsOf(id).get(0);
        StoredEvent original = storedEvent(proposal);
        assertThat(text(original.payload())).contains("\"amount\":\"12500000.00\"");

        alter(proposal, text(original.payload()).replace("12500000.00", "92500000.00"), null);
        Answer verified = client.get("auditor", "/api/ledger/verify");

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("intact").asBoolean()).isFalse();
        assertThat(verified.body().get("currentDigest").isNull()).isTrue();
        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).isEqualTo("CONTENT_ALTERED");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(proposal);
        assertThat(mismatch.get("agreementId").asText()).isEqualTo(id);
        assertThat(mismatch.get("sequenceNumber").asLong()).isZero();
        assertThat(mismatch.get("stored").asText()).isEqualTo(EventHasher.storedHash(original));
        assertThat(mismatch.get("expected").asText()).isEqualTo(EventHasher.hash(storedEvent(proposal)))
                .isNotEqualTo(EventHasher.storedHash(original));
        assertThat(verified.body().get("eventsChecked").asLong()).isEqualTo(proposal - 1);
        // the trail shows what is stored now, so the auditor sees the altered amount too
        assertThat(client.get("auditor", "/api/agreements/" + id + "/history").body()
                .get("events").get(0).get("payload").get("value").get("amount").asText()).isEqualTo("92500000.00");
    }

    @Test
    void aPreviousHashPointedElsewhereIsABrokenLink() {
        String id = fullySigned("3.00");
        long second = positionsOf(id).get(1);
        String metaData = text(storedEvent(second).metaData());

        alter(second, null, metaData.replaceFirst("\"previousHash\":\"[0-9a-f]{64}\"",
                "\"previousHash\":\"" + EventHasher.GENESIS + "\""));
        var mismatch = client.get("auditor", "/api/ledger/verify").body().get("firstMismatch");

        assertThat(mismatch.get("reason").asText()).isEqualTo("BROKEN_LINK");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(second);
        assertThat(mismatch.get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(mismatch.get("stored").asText()).isEqualTo(EventHasher.GENESIS);
        assertThat(mismatch.get("expected").asText()).isEqualTo(EventHasher.storedHash(storedEvent(positionsOf(id).get(0))));
    }

    @Test
    void anEventWhoseHashWasRemovedIsNamedAsMissingItsHash() {
        String id = fullySigned("4.00");
        long third = positionsOf(id).get(2);

        alter(third, null, text(storedEvent(third).metaData()).replaceFirst(",?\"hash\":\"[0-9a-f]{64}\"", ""));
        var mismatch = client.get("auditor", "/api/ledger/verify").body().get("firstMismatch");

        assertThat(mismatch.get("reason").asText()).isEqualTo("MISSING_HASH");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(third);
    }

    @Test
    void aChainRewrittenWithRecomputedHashesIsNamedAtItsFirstRewrittenLeaf() {
        String id = fullySigned("5000000.00");
        logged();
        List<Long> positions = positionsOf(id);

        // the forger changes the amount and reseals every event of the chain after it
        StoredEvent proposal = storedEvent(positions.get(0));
        String forgedPayload = text(proposal.payload()).replace("5000000.00", "9000000.00");
        String previousHash = EventHasher.GENESIS;
        for (long position : positions) {
            StoredEvent event = storedEvent(position);
            String payload = position == positions.get(0) ? forgedPayload : text(event.payload());
            String unsealed = text(event.metaData())
                    .replaceFirst("\"previousHash\":\"[0-9a-f]{64}\"", "\"previousHash\":\"" + previousHash + "\"");
            String hash = EventHasher.hash(new StoredEvent(event.eventIdentifier(), event.aggregateIdentifier(),
                    event.sequenceNumber(), event.aggregateType(), event.payloadType(), event.payloadRevision(),
                    payload.getBytes(StandardCharsets.UTF_8), unsealed.getBytes(StandardCharsets.UTF_8)));
            alter(position, payload, unsealed.replaceFirst("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + hash + "\""));
            previousHash = hash;
        }
        Answer verified = client.get("auditor", "/api/ledger/verify");

        // the forger can recompute hashes and links, but neither the leaf the log holds nor the
        // attestation only the log's key makes (LedgerVerifierTest: without a log, FORGED)
        assertThat(verified.body().get("intact").asBoolean()).isFalse();
        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("LEAF_MISMATCH");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(positions.get(0));
        assertThat(mismatch.get("leafIndex").asLong()).isEqualTo(leafOf(positions.get(0)));
        assertThat(mismatch.get("agreementId").asText()).isEqualTo(id);
    }

    private long leafOf(long position) {
        return jdbc.queryForObject("SELECT leaf_index FROM merkle_leaf WHERE global_index = ?", Long.class, position);
    }

    @Test
    void eventsDeletedFromTheLedgersEndAreNamedAsATruncatedTailAtTheFirstLeafLeft() {
        fullySigned("7.00");
        logged();
        long end = lastPosition();

        deleteRows("domain_event_entry", "global_index > ?", end - 2);
        Answer verified = client.get("auditor", "/api/ledger/verify");

        assertThat(verified.body().get("intact").asBoolean()).isFalse();
        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("TRUNCATED");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(end - 1);
        assertThat(mismatch.get("leafIndex").asLong()).isEqualTo(leafOf(end - 1));
        assertThat(mismatch.get("detail").asText()).contains("the ledger's tail was cut off");
    }

    @Test
    void aTailCutFromEventsAndTheLogInTheDatabaseIsFoundByTheCheckpointCopyOutsideIt() {
        fullySigned("7.50");
        logged();
        long end = lastPosition();
        long size = jdbc.queryForObject("SELECT count(*) FROM merkle_leaf", Long.class);
        long cut = leafOf(end - 1);

        deleteRows("domain_event_entry", "global_index > ?", end - 2);
        deleteRows("merkle_leaf", "leaf_index >= ?", cut);
        deleteRows("merkle_node", "((node_index + 1) << level) > ?", cut);
        deleteRows("ledger_checkpoint", "tree_size > ?", cut);
        Answer verified = client.get("auditor", "/api/ledger/verify");

        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("TRUNCATED");
        assertThat(mismatch.get("detail").asText()).contains(checkpoints.copies().resolve(size + ".checkpoint").toString(),
                "signed over " + size + " leaves", "the events give only " + cut);
    }

    @Test
    void anEventDeletedFromTheMiddleOfTheLedgerIsNamedAtItsLeaf() {
        String id = fullySigned("8.00");
        fullySigned("9.00");
        logged();
        long last = positionsOf(id).get(3);

        deleteRows("domain_event_entry", "global_index = ?", last);
        Answer verified = client.get("auditor", "/api/ledger/verify");

        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("MISSING_EVENT");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(last);
        assertThat(mismatch.get("leafIndex").asLong()).isEqualTo(leafOf(last));
        assertThat(mismatch.get("detail").asText()).contains("its row was deleted");
    }

    @Test
    void anEventInsertedBySqlWithACorrectHashAndLinkIsNamedAsAForgeryAndTheLogStopsBeforeIt() {
        fullySigned("10.00");
        logged();

        long forged = insertForgedSignature(null);
        integrator.integrate();
        Answer verified = client.get("auditor", "/api/ledger/verify");

        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("FORGED");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(forged);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM merkle_leaf WHERE global_index >= ?", Long.class, forged))
                .as("the log signs nothing the ledger did not write").isZero();
    }

    @Test
    void agreementIdsBeyondUFFFFInsertedBySqlAreNamedAsForgeriesNotAFailureOfTheCheck() {
        fullySigned("14.00");
        logged();

        long forged = insertForgedSignature(null, "\uE000-forged");
        insertForgedSignature(null, "\uD83D\uDE00-forged");
        integrator.integrate();
        Answer verified = client.get("auditor", "/api/ledger/verify");

        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("FORGED");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(forged);
    }

    @Test
    void anEventInsertedBySqlWhereTheLogHadPassedIsNotInTheLog() {
        fullySigned("11.00");
        long hole = jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                Long.class);
        fullySigned("12.00");
        logged();

        insertForgedSignature(hole);
        Answer verified = client.get("auditor", "/api/ledger/verify");

        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("NOT_IN_LOG");
        assertThat(mismatch.get("globalPosition").asLong()).isEqualTo(hole);
        assertThat(mismatch.get("leafIndex").asLong()).isEqualTo(leafOf(hole + 1));
    }

    @Test
    void aStoredSubtreeOfTheLogThatWasRewrittenIsNamed() {
        fullySigned("13.00");
        fullySigned("14.00");
        logged();
        byte[] original = jdbc.queryForObject("SELECT hash FROM merkle_node WHERE level = 2 AND node_index = 0",
                byte[].class);

        asSuperuserWithTheTriggerSetAside(() -> jdbc.update(
                "UPDATE merkle_node SET hash = ? WHERE level = 2 AND node_index = 0", (Object) new byte[32]));
        undo.push(() -> jdbc.update("UPDATE merkle_node SET hash = ? WHERE level = 2 AND node_index = 0",
                (Object) original));
        Answer verified = client.get("auditor", "/api/ledger/verify");

        var mismatch = verified.body().get("firstMismatch");
        assertThat(mismatch.get("reason").asText()).as(verified.text()).isEqualTo("TREE_MISMATCH");
        assertThat(mismatch.get("detail").asText()).contains("subtree 2/0 (leaves 0 to 3)");
    }

    /**
     * Inserts a signature of a new agreement, hashed and linked as the ledger would, at the position
     * given or the next one; answers its position.
     */
    private long insertForgedSignature(Long position) {
        return insertForgedSignature(position, UUID.randomUUID().toString());
    }

    private long insertForgedSignature(Long position, String forgedAgreement) {
        String payload = "{\"agreementId\":\"" + forgedAgreement + "\",\"partyId\":\"CN-URUMQI-XJU\","
                + "\"signedOn\":\"2024-08-22\"}";
        String unsealed = "{\"actor\":\"registrar\",\"correlationId\":\"forged\",\"previousHash\":\""
                + EventHasher.GENESIS + "\",\"recordedAt\":\"2024-08-22T04:00:00Z\"}";
        String eventIdentifier = "forged-" + forgedAgreement;
        String hash = EventHasher.hash(new StoredEvent(eventIdentifier, forgedAgreement, 0, "Agreement",
                AgreementSigned.class.getName(), null, payload.getBytes(StandardCharsets.UTF_8),
                unsealed.getBytes(StandardCharsets.UTF_8)));
        String sealed = unsealed.replace("}", ",\"hash\":\"" + hash + "\"}");
        long[] inserted = new long[1];
        asSuperuserWithTheTriggerSetAside(() -> inserted[0] = jdbc.queryForObject("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                                                        sequence_number, type, time_stamp, payload_type,
                                                        payload_revision, payload, meta_data)
                        OVERRIDING SYSTEM VALUE
                        VALUES (coalesce(?, nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))),
                                ?, ?, 0, 'Agreement', '2024-08-22T04:00:00Z', ?, NULL, ?, ?)
                        RETURNING global_index""", Long.class, position, eventIdentifier, forgedAgreement,
                AgreementSigned.class.getName(), payload.getBytes(StandardCharsets.UTF_8),
                sealed.getBytes(StandardCharsets.UTF_8)));
        undo.push(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", inserted[0]));
        return inserted[0];
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEventsAndDigests() {
        String id = fullySigned("6.00");
        client.post("auditor", "/api/ledger/digests", Map.of());
        long position = positionsOf(id).get(0);

        for (String change : List.of(
                "UPDATE domain_event_entry SET payload = payload WHERE global_index = " + position,
                "DELETE FROM domain_event_entry WHERE global_index = " + position,
                "TRUNCATE domain_event_entry",
                "UPDATE ledger_digest SET chain_count = chain_count",
                "DELETE FROM ledger_digest",
                "TRUNCATE ledger_digest",
                "UPDATE ledger_digest_head SET hash = hash",
                "DELETE FROM ledger_digest_head",
                "TRUNCATE ledger_digest_head")) {
            assertThatThrownBy(() -> jdbc.execute(change)).as(change)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("append-only").hasMessageContaining("is refused");
        }
        assertThat(positionsOf(id)).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_digest", Integer.class)).isPositive();
    }
}
