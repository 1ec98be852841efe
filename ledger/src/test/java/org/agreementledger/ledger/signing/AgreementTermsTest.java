package org.agreementledger.ledger.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgreementTermsTest {

    private static final String STORED = """
            {"agreementId":"6f1c2a9e-4b7d-4c1e-9a3f-2d8b7e6c5a41","title":"Joint laboratory","kind":"TECHNOLOGY",
             "sector":"SMART_TECHNOLOGY","parties":[{"partyId":"CN-URUMQI-XJU","name":"Xinjiang University",
             "organisationType":"UNIVERSITY","city":"Urumqi","country":"CN"}],
             "value":{"currency":"CNY","amount":"1000.00"},"occasion":"Urumqi 2024","proposedOn":"2024-08-22",
             "proposedBy":"registrar"}""";

    /** Written by hand: the seven terms fields, keys sorted at every level, no whitespace. */
    private static final String CANONICAL_TERMS = "{\"kind\":\"TECHNOLOGY\",\"occasion\":\"Urumqi 2024\","
            + "\"parties\":[{\"city\":\"Urumqi\",\"country\":\"CN\",\"name\":\"Xinjiang University\","
            + "\"organisationType\":\"UNIVERSITY\",\"partyId\":\"CN-URUMQI-XJU\"}],\"proposedOn\":\"2024-08-22\","
            + "\"sector\":\"SMART_TECHNOLOGY\",\"title\":\"Joint laboratory\","
            + "\"value\":{\"amount\":\"1000.00\",\"currency\":\"CNY\"}}";

    @Test
    void theTermsAreTheProposalsSevenTermsFieldsInCanonicalJson() {
        assertThat(AgreementTerms.ofStoredProposal(bytes(STORED)).canonicalJson()).isEqualTo(CANONICAL_TERMS);
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalTermsInHex() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CANONICAL_TERMS.getBytes(StandardCharsets.UTF_8)));

        assertThat(hash(STORED)).isEqualTo(expected);
    }

    @Test
    void neitherTheIdNorTheProposerNorTheLayoutChangeTheHash() {
        String another = STORED.replace("6f1c2a9e", "00000000").replace("\"registrar\"", "\"someone-else\"")
                .replace("\n", "\n   ");

        assertThat(hash(another)).isEqualTo(hash(STORED));
    }

    @Test
    void anyTermChangesTheHashAndAmountsCountAsWritten() {
        String original = hash(STORED);

        assertThat(hash(STORED.replace("\"1000.00\"", "\"1000.0\""))).isNotEqualTo(original);
        assertThat(hash(STORED.replace("Urumqi 2024", "Urumqi 2025"))).isNotEqualTo(original);
        assertThat(hash(STORED.replace("2024-08-22", "2024-08-23"))).isNotEqualTo(original);
    }

    @Test
    void aPayloadWithoutEveryTermsFieldIsNoProposal() {
        assertThatThrownBy(() -> hash(STORED.replace("\"occasion\"", "\"event\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occasion");
    }

    @Test
    void thePartiesAreListedInTheirOrder() {
        assertThat(AgreementTerms.ofStoredProposal(bytes(STORED)).partyIds()).containsExactly("CN-URUMQI-XJU");
    }

    private static String hash(String storedProposal) {
        return AgreementTerms.ofStoredProposal(bytes(storedProposal)).hash();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
