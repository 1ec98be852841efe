package org.agreementledger.api.web.signing;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account may hold only so many intents and passkey challenges that are neither used nor lapsed:
 * beyond, it is refused 429 with Retry-After, and nothing more is kept for it; other accounts are not
 * held back. A database of its own, with a bound of three.
 */
@TestPropertySource(properties = {"ledger.test.database=outstanding-intents", "ledger.signatures.max-outstanding=3"})
class OutstandingIntentsOverHttpTest extends HttpContractTest {

    @Test
    void anAccountHoldingTheMostItMayIsRefusedUntilSomeLapse() {
        String agreementId = propose("1000.00");
        String intents = "/api/agreements/" + agreementId + "/signing-intent?partyId=" + Agreements.XJU
                + "&action=sign&date=2024-08-22&keyId=ed25519:some-key";

        assertThat(client.get("signatory-xju", intents).status()).isEqualTo(200);
        assertThat(client.get("signatory-xju", intents).status()).isEqualTo(200);
        assertThat(client.get("signatory-xju", "/api/parties/" + Agreements.XJU + "/signer-keys/passkey-options")
                .status()).isEqualTo(200);
        long kept = jdbc.queryForObject("SELECT count(*) FROM signing_intent", Long.class);

        Answer refused = client.get("signatory-xju", intents);
        Answer refusedOptions = client.get("signatory-xju", "/api/parties/" + Agreements.XJU
                + "/signer-keys/passkey-options");

        for (Answer answer : new Answer[]{refused, refusedOptions}) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(429);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body().get("type").asText()).endsWith("intents-outstanding");
            assertThat(answer.headers().getFirst("Retry-After")).isNotBlank();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_intent", Long.class)).isEqualTo(kept);
        assertThat(client.get("signatory-kbtu", "/api/agreements/" + agreementId + "/signing-intent?partyId="
                + Agreements.KBTU + "&action=sign&date=2024-08-22&keyId=ed25519:some-key").status())
                .as("another account").isEqualTo(200);

        jdbc.update("UPDATE signing_intent SET expires_at = now() - interval '1 second' WHERE issued_to = 'signatory-xju'");
        assertThat(client.get("signatory-xju", intents).status()).as("once some lapsed").isEqualTo(200);
    }
}
