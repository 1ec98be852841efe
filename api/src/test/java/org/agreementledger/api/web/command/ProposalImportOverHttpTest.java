package org.agreementledger.api.web.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A registrar's list of proposals, each line through the command path and answered line by line. */
class ProposalImportOverHttpTest extends HttpContractTest {

    private static final String HEADER = "title,kind,sector,amount,currency,occasion,proposed_on,"
            + "party1_id,party1_name,party1_type,party1_city,party1_country,"
            + "party2_id,party2_name,party2_type,party2_city,party2_country\n";

    private String line(String title, String amount, String sector) {
        return title + ",TECHNOLOGY," + sector + "," + amount + ",CNY,Import test,2024-08-22,"
                + "CN-URUMQI-XJU,Xinjiang University,UNIVERSITY,Urumqi,CN,KZ-ALMATY-KBTU,KBTU,UNIVERSITY,Almaty,KZ\n";
    }

    private ResponseEntity<JsonNode> upload(String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.setBasicAuth(user, LedgerClient.PASSWORDS.get(user));
        return rest.exchange("/api/agreements/import", HttpMethod.POST, new HttpEntity<>(csv, headers), JsonNode.class);
    }

    @Test
    void eachLineIsProposedOrRefusedWithItsReasonAndARefusedLineWritesNothing() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + line("Imported lab " + unique, "1000.00", "SMART_TECHNOLOGY")
                + line("Imported bad amount " + unique, "a lot", "SMART_TECHNOLOGY")
                + line("Imported unknown sector " + unique, "2000.00", "ASTROLOGY")
                + line("Imported second " + unique, "3000.00", "BIOMEDICINE");
        long before = eventCount();

        ResponseEntity<JsonNode> answer = upload("registrar", csv);

        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        JsonNode report = answer.getBody();
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("refused").asInt()).isEqualTo(2);
        JsonNode lines = report.get("lines");
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(lines.get(0).at("/answer/agreementId").asText()).isNotBlank();
        assertThat(lines.get(1).get("status").asText()).isEqualTo("refused");
        assertThat(lines.get(1).at("/answer/errors/0/field").asText()).isEqualTo("amount");
        assertThat(lines.get(1).at("/answer/detail").asText()).contains("amount");
        assertThat(lines.get(2).get("status").asText()).isEqualTo("refused");
        assertThat(lines.get(2).at("/answer/detail").asText()).contains("ASTROLOGY");
        assertThat(lines.get(3).get("status").asText()).isEqualTo("accepted");
        assertThat(eventCount()).isEqualTo(before + 2);
    }

    @Test
    void theSameListSentAgainProposesNothingTwiceAndAnswersAsBefore() {
        String csv = HEADER + line("Imported twice " + UUID.randomUUID(), "1500.00", "BIOMEDICINE");
        String first = upload("registrar", csv).getBody().at("/lines/0/answer/agreementId").asText();
        long before = eventCount();

        ResponseEntity<JsonNode> again = upload("registrar", csv);

        assertThat(again.getBody().at("/lines/0/answer/agreementId").asText()).isEqualTo(first);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aListWithAColumnNoProposalHasIsRefusedWhole() {
        long before = eventCount();

        ResponseEntity<JsonNode> answer = upload("registrar", "title,kind,colour\nA,TALENT,blue\n");

        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody().at("/errors/0/field").asText()).isEqualTo("colour");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyARegistrarImports() {
        assertThat(upload("signatory-xju", HEADER).getStatusCode().value()).isEqualTo(403);
    }
}
