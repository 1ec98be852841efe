package org.agreementledger.api.revision;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.CertificateCheck;
import org.agreementledger.ledger.audit.CertificateVerifier;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventAttestation;
import org.agreementledger.ledger.chain.EventHasher;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.metadata.LedgerMetaData;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal stored as the ledger wrote it before its event types carried revisions (no payload
 * revision), hashed, linked and attested: the aggregate, the projections and the reconciliation
 * read it through the upcaster chain as revision 1, and the audit trail verifies it over the bytes
 * as stored. A database of its own, so that no other test sees the row.
 */
@TestPropertySource(properties = "ledger.test.database=revisions")
class EventStoredBeforeRevisionsTest extends HttpContractTest {

    @Autowired
    EventAttestation attestation;
    @Autowired
    Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** Inserts the proposal of a new agreement, its payload taken from one proposed now, without a revision. */
    private StoredEvent storeProposalWithoutRevision(String agreementId) {
        String template = propose("670000000.00");
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0", byte[].class, template);
        String proposal = new String(payload, StandardCharsets.UTF_8).replace(template, agreementId);
        ObjectNode metaData = JsonNodeFactory.instance.objectNode();
        metaData.put(LedgerMetaData.ACTOR, "registrar")
                .put(LedgerMetaData.CORRELATION_ID, "before-revisions")
                .put(LedgerMetaData.RECORDED_AT, "2024-08-22T04:00:00Z")
                .put(LedgerMetaData.PREVIOUS_HASH, EventHasher.GENESIS);
        StoredEvent unsealed = new StoredEvent(UUID.randomUUID().toString(), agreementId, 0, "Agreement",
                AgreementProposed.class.getName(), null, proposal.getBytes(StandardCharsets.UTF_8),
                metaData.toString().getBytes(StandardCharsets.UTF_8));
        String hash = EventHasher.hash(unsealed);
        metaData.put(LedgerMetaData.HASH, hash).put(LedgerMetaData.ATTESTATION, attestation.attest(hash));
        StoredEvent stored = new StoredEvent(unsealed.eventIdentifier(), agreementId, 0, "Agreement",
                unsealed.payloadType(), null, unsealed.payload(), metaData.toString().getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                        time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Agreement', '2024-08-22T04:00:00Z', ?, NULL, ?, ?)""",
                stored.eventIdentifier(), agreementId, stored.payloadType(), stored.payload(), stored.metaData());
        return stored;
    }

    @Test
    void aProposalStoredWithoutARevisionIsReadAsRevisionOneEverywhereAndVerifiesAsStored() throws Exception {
        String id = UUID.randomUUID().toString();
        StoredEvent stored = storeProposalWithoutRevision(id);

        assertThat(axon.upcasterChain().upcast(Stream.of(new InitialEventRepresentation(new GenericDomainEventEntry<>(
                        "Agreement", id, 0, stored.eventIdentifier(), Instant.EPOCH, stored.payloadType(), null,
                        stored.payload(), stored.metaData()), eventSerializer))).findFirst().orElseThrow()
                .getType().getRevision())
                .as("the service's upcaster chain reads it as revision 1").isEqualTo("1");
        eventually(() -> assertThat(client.get("registrar", "/api/agreements/" + id).status()).isEqualTo(200));
        client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        Answer signed = client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));

        assertThat(signed.status()).as("the aggregate loads the old proposal: " + signed.text()).isEqualTo(200);
        assertThat(signed.body().get("status").asText()).isEqualTo("SIGNED");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 1", String.class, id)).as("new events carry their revision: a signature's is 2")
                .isEqualTo("2");
        reconcilesWithNothingLeftToProcess(client);
        Answer verified = client.get("auditor", "/api/ledger/verify");
        assertThat(verified.body().get("intact").asBoolean()).as(verified.text()).isTrue();
        Answer certificate = client.get("auditor", "/api/agreements/" + id + "/certificate");
        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(
                certificate.text().getBytes(StandardCharsets.UTF_8), AgreementCertificate.class),
                NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body().get("verifierKey").asText()), null);
        assertThat(check.valid()).as(check.summary()).isTrue();
    }
}
