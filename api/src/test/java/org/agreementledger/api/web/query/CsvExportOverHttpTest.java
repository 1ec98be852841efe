package org.agreementledger.api.web.query;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreement lists and totals as CSV, as the web app's download links ask for them. */
class CsvExportOverHttpTest extends HttpContractTest {

    @Test
    void theAgreementsAPartyIsInDownloadAsCsvWithTheirTextsGuarded() {
        String partyId = "CN-CSV-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> proposal = new HashMap<>(Agreements.proposal("1250000.50"));
        proposal.put("title", "=cmd|' /C calc'!A0, \"quoted\"");
        proposal.put("parties", List.of(Agreements.party(Agreements.XJU, "Xinjiang University", "UNIVERSITY", "Urumqi", "CN"),
                Agreements.party(partyId, "Csv Works, Ltd", "ENTERPRISE", "Kashgar", "CN")));
        Answer proposed = client.post("registrar", "/api/agreements", proposal);
        String id = proposed.body().get("agreementId").asText();

        Answer export = client.exchange("analyst", HttpMethod.GET,
                "/api/agreements/export?party=" + partyId, null, positionOf(proposed));

        assertThat(export.status()).as(export.text()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.headers().getFirst("Content-Disposition")).contains("agreements.csv");
        List<String> lines = export.text().lines().toList();
        assertThat(lines.get(0)).startsWith("agreement_id,title,kind,sector,status,amount,currency");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(id + ",\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\",TECHNOLOGY,SMART_TECHNOLOGY,PROPOSED,1250000.50,CNY")
                .contains("\"Xinjiang University (CN-URUMQI-XJU, Urumqi, CN); Csv Works, Ltd (" + partyId + ", Kashgar, CN)\"");
    }

    @Test
    void totalsDownloadAsCsvWithAColumnPerDimensionAndPerCurrencyAndTheTotalLast() {
        fullySigned("777.00");

        Answer export = client.get("analyst", "/api/totals/export?by=city,year&stage=signed&city=Almaty");

        assertThat(export.status()).as(export.text()).isEqualTo(200);
        List<String> lines = export.text().lines().toList();
        assertThat(lines.get(0)).startsWith("city,country,year,count,amount_CNY");
        assertThat(lines).anyMatch(line -> line.startsWith("Almaty,KZ,2024,"));
        assertThat(lines.get(lines.size() - 1)).startsWith("total,,,");
    }

    @Test
    void totalsAreForTheRolesThatReadTotals() {
        assertThat(client.get("registrar", "/api/totals/export").status()).isEqualTo(403);
    }

    private static HttpHeaders positionOf(Answer command) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Ledger-Position", command.body().get("position").asText());
        return headers;
    }
}
