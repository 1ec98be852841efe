package org.agreementledger.api.web.signing;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.SignerKeyHolder;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment that accepts only signatures by a party's own key, as production does by default:
 * a signature or a decline by an authenticated request only is refused, writing nothing; one with
 * the party's key is recorded.
 */
@TestPropertySource(properties = {"ledger.test.database=signer-key-only",
        "ledger.signatures.accepted-assurance=signer-key"})
class SignerKeyOnlyPolicyOverHttpTest extends HttpContractTest {

    private static final String DATE = "2024-08-22";

    @Test
    void aSignatureOrADeclineWithoutThePartysKeyIsRefusedAndWritesNothing() {
        String agreementId = propose("1000.00");
        long events = eventCount();

        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", DATE));
        Answer declined = client.post("signatory-kbtu", "/api/agreements/" + agreementId + "/declines",
                Map.of("partyId", Agreements.KBTU, "declinedOn", DATE));

        for (Answer refused : new Answer[]{signed, declined}) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.body().get("type").asText()).endsWith("signer-key-required");
            assertThat(refused.body().get("detail").asText()).contains("signing intent");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aSignatureWithThePartysKeyIsRecorded() {
        String agreementId = propose("1000.00");
        SignerKeyHolder xju = new SignerKeyHolder(client, "signatory-xju", Agreements.XJU).approved();

        Answer signed = client.post("signatory-xju", "/api/agreements/" + agreementId + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", DATE,
                        "signature", xju.signatureOf(xju.intent(agreementId, "sign", DATE))));

        assertThat(signed.status()).as(signed.text()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%AgreementSigned'", Long.class, agreementId)).isEqualTo(1);
    }
}
