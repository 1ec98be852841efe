package org.agreementledger.api.web.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.chain.CanonicalJson;
import org.agreementledger.ledger.chain.EventHasher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    record Value(BigDecimal amount, String currency) {
    }

    record Body(String title, List<String> parties, Value value, LocalDate proposedOn, String occasion) {
    }

    private static JsonNode request(BigDecimal amount) {
        return JSON.valueToTree(new RequestIdentity("POST", "/api/agreements",
                new Body("Joint laboratory \"grid\" \u00e9", List.of("B", "A"), new Value(amount, "CNY"),
                        LocalDate.of(2024, 8, 20), null)));
    }

    @Test
    void isTheFingerprintEarlierVersionsStoredSoKeysStoredThenStillReplay() {
        JsonNode request = request(new BigDecimal("670000000.00"));

        assertThat(RequestFingerprint.of(request))
                .isEqualTo(EventHasher.sha256(CanonicalJson.write(request)))
                .hasSize(64);
    }

    @Test
    void ignoresKeyOrderAndNumberNotation() throws Exception {
        JsonNode sorted = JSON.readTree("{\"a\": 1, \"b\": {\"c\": 1.50, \"d\": [2, 1]}}");
        JsonNode unsorted = JSON.readTree("{\"b\": {\"d\": [2, 1], \"c\": 1.50}, \"a\": 1}");

        assertThat(RequestFingerprint.of(unsorted)).isEqualTo(RequestFingerprint.of(sorted));
        assertThat(RequestFingerprint.of(request(new BigDecimal("1E+2"))))
                .isEqualTo(RequestFingerprint.of(request(new BigDecimal("100"))));
    }

    @Test
    void tellsDifferentRequestsApart() {
        assertThat(RequestFingerprint.of(request(new BigDecimal("1.00"))))
                .isNotEqualTo(RequestFingerprint.of(request(new BigDecimal("2.00"))))
                .isNotEqualTo(RequestFingerprint.of(JSON.valueToTree(Map.of("method", "POST"))));
    }
}
