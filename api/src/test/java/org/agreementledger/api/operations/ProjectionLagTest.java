package org.agreementledger.api.operations;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.projections.reconciliation.ProjectionLag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lag counts the events their segment has not taken in, not the distance to the slowest stored
 * token: a segment that had no event of its own stores its token only now and then.
 */
class ProjectionLagTest extends HttpContractTest {

    @Autowired
    ProjectionLag lag;

    @Test
    void onceTheLastWriteIsReadableNothingIsBehindWhateverTheIdleSegmentsStored() {
        Answer proposed = client.post("registrar", "/api/agreements", Agreements.proposal("9.00"));
        HttpHeaders atProposal = new HttpHeaders();
        atProposal.set("X-Ledger-Position", proposed.body().get("position").asText());
        assertThat(client.exchange("analyst", HttpMethod.GET,
                "/api/agreements/" + proposed.body().get("agreementId").asText(), null, atProposal).status())
                .isEqualTo(200);

        assertThat(lag.now()).isEqualTo(new ProjectionLag.Lag(0, Duration.ZERO));
    }
}
