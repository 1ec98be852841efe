package org.agreementledger.api.support;

import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The running service, a client for it, its database, and the steps most HTTP tests start with. */
@LedgerIntegrationTest
public abstract class HttpContractTest {

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    protected JdbcTemplate jdbc;
    protected LedgerClient client;

    @BeforeEach
    void connectClient() {
        client = new LedgerClient(rest);
    }

    /** Proposes the demo agreement between the two demo signatories' parties; answers its id. */
    protected String propose(String amount) {
        Answer proposed = client.post("registrar", "/api/agreements", Agreements.proposal(amount));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        return proposed.body().get("agreementId").asText();
    }

    /** Proposes the demo agreement and has both parties sign it; answers its id, now SIGNED. */
    protected String fullySigned(String amount) {
        String id = propose(amount);
        client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        Answer signed = client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));
        assertThat(signed.body().get("status").asText()).isEqualTo("SIGNED");
        return id;
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
