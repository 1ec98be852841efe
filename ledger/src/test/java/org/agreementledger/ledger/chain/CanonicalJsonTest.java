package org.agreementledger.ledger.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return CanonicalJson.write(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void objectKeysAreSortedAtEveryLevelAndWhitespaceIsDropped() {
        String json = """
                {
                  "title" : "Joint lab",
                  "parties" : [ {"partyId": "B", "city": "Almaty"}, {"partyId": "A", "city": "Urumqi"} ],
                  "agreementId" : "3f6d1c52"
                }
                """;

        assertThat(canonical(json)).isEqualTo(
                "{\"agreementId\":\"3f6d1c52\","
                        + "\"parties\":[{\"city\":\"Almaty\",\"partyId\":\"B\"},{\"city\":\"Urumqi\",\"partyId\":\"A\"}],"
                        + "\"title\":\"Joint lab\"}");
    }

    @Test
    void theSameContentWithAnotherKeyOrderAndLayoutHasTheSameCanonicalText() {
        String compact = "{\"a\":1,\"b\":{\"x\":true,\"y\":null},\"c\":[3,2,1]}";
        String reordered = "{ \"c\" : [ 3, 2, 1 ],\n\t\"b\" : { \"y\" : null, \"x\" : true },\r\n \"a\" : 1 }";

        assertThat(canonical(reordered)).isEqualTo(canonical(compact));
    }

    @Test
    void arrayOrderIsSignificant() {
        assertThat(canonical("[1,2]")).isNotEqualTo(canonical("[2,1]"));
    }

    @Test
    void aDecimalKeepsAllItsDigits() {
        assertThat(canonical("{\"amount\":670000000.00}")).isEqualTo("{\"amount\":670000000.00}");
        assertThat(canonical("{\"amount\":0.10}")).isEqualTo("{\"amount\":0.10}");
    }

    @Test
    void aDecimalInExponentFormIsWrittenWithoutExponent() {
        assertThat(canonical("{\"amount\":6.7E+8}")).isEqualTo("{\"amount\":670000000}");
    }

    @Test
    void aDecimalStringKeepsItsDigits() {
        assertThat(canonical("{\"amount\":\"670000000.00\",\"currency\":\"CNY\"}"))
                .isEqualTo("{\"amount\":\"670000000.00\",\"currency\":\"CNY\"}");
    }

    @Test
    void textIsEscapedAsJsonAndNonAsciiIsKept() {
        String canonical = canonical("{\"city\":\"乌鲁木齐\",\"note\":\"a \\\"quoted\\\" word\\n\"}");

        assertThat(canonical).isEqualTo("{\"city\":\"乌鲁木齐\",\"note\":\"a \\\"quoted\\\" word\\n\"}");
        assertThat(canonical(canonical)).isEqualTo(canonical);
    }

    @Test
    void keysAndTextAreEscapedExactlyAsJacksonsDefaultsEscapeThem() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        StringBuilder everyKind = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            everyKind.append(c);
        }
        everyKind.append("\u2028\u2029\uFEFF乌鲁木齐\uD83D\uDE00");
        String text = everyKind.toString();
        String quoted = jackson.writeValueAsString(text);

        assertThat(canonical("{" + quoted + ":" + quoted + "}")).isEqualTo("{" + quoted + ":" + quoted + "}");
        assertThat(canonical("[" + quoted + "]")).isEqualTo("[" + quoted + "]");
    }
}
