package org.agreementledger.api.benchmark;

import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.ledger.audit.AgreementCertificate;
import org.agreementledger.ledger.audit.CertificateCheck;
import org.agreementledger.ledger.audit.CertificateVerifier;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.checkpoint.NoteVerifier;
import org.agreementledger.projections.merkle.MerkleLogIntegrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import static org.agreementledger.api.support.ReadSide.reconcilesWithNothingLeftToProcess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale benchmark's generator, in short: what it writes is a ledger the service takes as its own
 * (projected, reconciled, logged, verified and certified), along every lifecycle path.
 */
@TestPropertySource(properties = "ledger.test.database=synthetic")
class SyntheticLedgerTest extends HttpContractTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    KeyPair logKey;
    @Autowired
    MerkleLogIntegrator integrator;

    @Test
    void aGeneratedLedgerIsProjectedReconciledLoggedVerifiedAndCertified() throws Exception {
        long events = new SyntheticLedger(dataSource, logKey).write(300, 2, 42L);

        assertThat(eventCount()).isEqualTo(events);
        reconcilesWithNothingLeftToProcess(client);
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM agreement_view ORDER BY status", String.class))
                .as("every lifecycle path").containsExactly("CERTIFIED", "DECLINED", "PROPOSED", "REVOKED", "SIGNED", "WITHDRAWN");
        integrator.integrate();
        Answer verified = client.get("auditor", "/api/ledger/verify");
        assertThat(verified.body().get("intact").asBoolean()).as(verified.text()).isTrue();
        assertThat(verified.body().get("leavesChecked").asLong()).isEqualTo(events);
        String agreement = jdbc.queryForObject("SELECT agreement_id::text FROM agreement_view WHERE status = 'REVOKED'"
                + " LIMIT 1", String.class);
        Answer certificate = client.get("auditor", "/api/agreements/" + agreement + "/certificate");
        CertificateCheck check = CertificateVerifier.verify(CanonicalJson.read(
                certificate.text().getBytes(StandardCharsets.UTF_8), AgreementCertificate.class),
                NoteVerifier.of(client.get("auditor", "/api/ledger/public-key").body().get("verifierKey").asText()), null);
        assertThat(check.valid()).as(check.summary()).isTrue();
    }
}
