package org.agreementledger.api.web.query;

import org.agreementledger.api.support.GatewayCommands;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.api.support.TotalsAnswer;
import org.agreementledger.api.support.TotalsAnswer.Bucket;
import org.agreementledger.ledger.domain.Party;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.UUID;

import static org.agreementledger.api.support.GatewayCommands.party;
import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.api.support.ReadSide.totals;
import static org.agreementledger.ledger.domain.CooperationKind.INDUSTRY;
import static org.agreementledger.ledger.domain.CooperationKind.TALENT;
import static org.agreementledger.ledger.domain.CooperationKind.TECHNOLOGY;
import static org.agreementledger.ledger.domain.Money.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals over HTTP after a known set of commands. Each test files its agreements under an occasion
 * of its own and filters on it, since all integration tests share one ledger.
 */
class TotalsOverHttpTest extends ReadSideIntegrationTest {

    private static final Party URUMQI_ENTERPRISE = party("T-URUMQI-E", "Urumqi", "CN");
    private static final Party URUMQI_UNIVERSITY = party("T-URUMQI-U", "Urumqi", "CN");
    private static final Party WUHAN = party("T-WUHAN", "Wuhan", "CN");
    private static final Party ALMATY = party("T-ALMATY", "Almaty", "KZ");
    private static final Party TASHKENT = party("T-TASHKENT", "Tashkent", "UZ");


    /**
     * Signed: A1 (CNY 100.00, 2024), A2 (USD 250.50, last signature in 2025), A4 (CNY 7.25, 2024, certified
     * then revoked). Pending: A3 (CNY 40.00, proposed 2023). Certified: A2 (2025). A5 declined, A6 withdrawn.
     */
    private void fileTheKnownSet() {
        UUID a1 = commands.propose(occasion, "EQUIPMENT_MANUFACTURING", INDUSTRY, of("100.00", "CNY"),
                LocalDate.of(2024, 3, 1), URUMQI_ENTERPRISE, URUMQI_UNIVERSITY, WUHAN);
        commands.signByAll(a1, LocalDate.of(2024, 3, 5), URUMQI_ENTERPRISE, URUMQI_UNIVERSITY, WUHAN);

        UUID a2 = commands.propose(occasion, "BIOMEDICINE", TECHNOLOGY, of("250.50", "USD"),
                LocalDate.of(2024, 5, 1), URUMQI_ENTERPRISE, ALMATY);
        commands.sign(a2, URUMQI_ENTERPRISE, LocalDate.of(2024, 12, 30));
        commands.sign(a2, ALMATY, LocalDate.of(2025, 1, 10));
        commands.certify(a2, LocalDate.of(2025, 2, 1));

        UUID a3 = commands.propose(occasion, "BIOMEDICINE", TALENT, of("40.00", "CNY"),
                LocalDate.of(2023, 11, 11), WUHAN, TASHKENT);
        commands.sign(a3, WUHAN, LocalDate.of(2023, 11, 12));

        UUID a4 = commands.propose(occasion, "EQUIPMENT_MANUFACTURING", INDUSTRY, of("7.25", "CNY"),
                LocalDate.of(2024, 6, 1), URUMQI_UNIVERSITY, ALMATY);
        commands.signByAll(a4, LocalDate.of(2024, 6, 2), URUMQI_UNIVERSITY, ALMATY);
        commands.certify(a4, LocalDate.of(2024, 7, 1));
        commands.revoke(a4, LocalDate.of(2024, 8, 1));

        UUID a5 = commands.propose(occasion, "SMART_TECHNOLOGY", INDUSTRY, of("999.00", "CNY"),
                LocalDate.of(2024, 1, 1), URUMQI_ENTERPRISE, WUHAN);
        commands.decline(a5, WUHAN, LocalDate.of(2024, 1, 2));

        UUID a6 = commands.propose(occasion, "SMART_TECHNOLOGY", INDUSTRY, of("555.00", "EUR"),
                LocalDate.of(2024, 1, 1), URUMQI_ENTERPRISE, TASHKENT);
        commands.withdraw(a6, GatewayCommands.REGISTRAR, LocalDate.of(2024, 1, 3));

        eventually(() -> {
            assertThat(totals(client, "stage=signed&occasion=" + occasion).total().count()).isEqualTo(3);
            assertThat(totals(client, "stage=pending&occasion=" + occasion).total()).isEqualTo(Bucket.of(1, "CNY", "40.00"));
            assertThat(totals(client, "stage=certified&occasion=" + occasion).total()).isEqualTo(Bucket.of(1, "USD", "250.50"));
        });
    }

    @Test
    void anAnswerCarriesTheTotalsVersionAndIsNotSentAgainWhileItHasNotMoved() {
        commands.propose(occasion, "BIOMEDICINE", TALENT, of("40.00", "CNY"), LocalDate.of(2023, 11, 11),
                WUHAN, TASHKENT);
        String path = "/api/totals?stage=pending&occasion=" + occasion;
        eventually(() -> assertThat(totals(client, "stage=pending&occasion=" + occasion).total().count()).isEqualTo(1));
        Answer answered = client.get("analyst", path);
        String eTag = answered.headers().getETag();
        assertThat(eTag).startsWith("W/\"");
        assertThat(answered.headers().getCacheControl()).isEqualTo("no-cache");

        Answer again = ifNoneMatch(path, eTag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isNullOrEmpty();

        commands.propose(occasion, "BIOMEDICINE", TALENT, of("2.00", "CNY"), LocalDate.of(2023, 11, 12), WUHAN, ALMATY);
        eventually(() -> {
            Answer changed = ifNoneMatch(path, eTag);
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.headers().getETag()).isNotEqualTo(eTag);
            assertThat(changed.body().get("total").get("count").asLong()).isEqualTo(2);
        });
    }

    private Answer ifNoneMatch(String path, String eTag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfNoneMatch(eTag);
        return client.exchange("analyst", HttpMethod.GET, path, null, headers);
    }

    @Test
    void signedTotalsCountEachAgreementOnceOverallAndPerCurrencyWithoutConversion() {
        fileTheKnownSet();

        TotalsAnswer signed = totals(client, "occasion=" + occasion);

        assertThat(signed.body().get("stage").asText()).as("the default stage").isEqualTo("signed");
        assertThat(signed.total()).isEqualTo(Bucket.of(3, "CNY", "107.25", "USD", "250.50"));
    }

    @Test
    void byCityAnAgreementCountsOnceInEachDistinctCityAmongItsParties() {
        fileTheKnownSet();

        TotalsAnswer byCity = totals(client, "by=city&stage=signed&occasion=" + occasion);

        // A1 has two parties in Urumqi and counts there once
        assertThat(byCity.row("city", "Urumqi", "country", "CN")).isEqualTo(Bucket.of(3, "CNY", "107.25", "USD", "250.50"));
        assertThat(byCity.row("city", "Wuhan", "country", "CN")).isEqualTo(Bucket.of(1, "CNY", "100.00"));
        assertThat(byCity.row("city", "Almaty", "country", "KZ")).isEqualTo(Bucket.of(2, "CNY", "7.25", "USD", "250.50"));
        assertThat(byCity.row("city", "Tashkent")).as("A3 is pending, A6 withdrawn").isEqualTo(TotalsAnswer.NOTHING);
        assertThat(byCity.rowCount()).isEqualTo(3);
        assertThat(byCity.total()).as("the overall total still counts each agreement once")
                .isEqualTo(Bucket.of(3, "CNY", "107.25", "USD", "250.50"));
    }

    @Test
    void byCountryAnAgreementCountsOnceInEachDistinctCountry() {
        fileTheKnownSet();

        TotalsAnswer byCountry = totals(client, "by=country&occasion=" + occasion);

        // A1 has three parties in China and counts there once
        assertThat(byCountry.row("country", "CN")).isEqualTo(Bucket.of(3, "CNY", "107.25", "USD", "250.50"));
        assertThat(byCountry.row("country", "KZ")).isEqualTo(Bucket.of(2, "CNY", "7.25", "USD", "250.50"));
        assertThat(byCountry.values("country")).containsExactly("CN", "KZ");
    }

    @Test
    void theSignedYearIsTheYearOfTheLastSignature() {
        fileTheKnownSet();

        TotalsAnswer byYear = totals(client, "by=year&occasion=" + occasion);

        assertThat(byYear.row("year", "2024")).isEqualTo(Bucket.of(2, "CNY", "107.25"));
        assertThat(byYear.row("year", "2025")).as("A2 was proposed in 2024, last signed in 2025")
                .isEqualTo(Bucket.of(1, "USD", "250.50"));
        assertThat(byYear.values("year")).containsExactly("2024", "2025");
    }

    @Test
    void dimensionsCombineAndEveryDimensionFilters() {
        fileTheKnownSet();

        TotalsAnswer bySectorAndYear = totals(client, "by=sector,year&occasion=" + occasion);
        assertThat(bySectorAndYear.row("sector", "EQUIPMENT_MANUFACTURING", "year", "2024"))
                .isEqualTo(Bucket.of(2, "CNY", "107.25"));
        assertThat(bySectorAndYear.row("sector", "BIOMEDICINE", "year", "2025")).isEqualTo(Bucket.of(1, "USD", "250.50"));
        assertThat(bySectorAndYear.rowCount()).isEqualTo(2);

        TotalsAnswer inKazakhstan = totals(client, "by=city,sector,year&country=KZ&occasion=" + occasion);
        assertThat(inKazakhstan.row("city", "Almaty", "sector", "BIOMEDICINE", "year", "2025"))
                .isEqualTo(Bucket.of(1, "USD", "250.50"));
        assertThat(inKazakhstan.row("city", "Almaty", "sector", "EQUIPMENT_MANUFACTURING", "year", "2024"))
                .isEqualTo(Bucket.of(1, "CNY", "7.25"));
        assertThat(inKazakhstan.rowCount()).isEqualTo(2);
        assertThat(inKazakhstan.total()).isEqualTo(Bucket.of(2, "CNY", "7.25", "USD", "250.50"));

        TotalsAnswer inUrumqiByKind = totals(client, "by=kind&city=Urumqi&occasion=" + occasion);
        assertThat(inUrumqiByKind.row("kind", "INDUSTRY")).isEqualTo(Bucket.of(2, "CNY", "107.25"));
        assertThat(inUrumqiByKind.row("kind", "TECHNOLOGY")).isEqualTo(Bucket.of(1, "USD", "250.50"));
        assertThat(inUrumqiByKind.total()).isEqualTo(Bucket.of(3, "CNY", "107.25", "USD", "250.50"));

        assertThat(totals(client, "sector=BIOMEDICINE&kind=TECHNOLOGY&year=2025&occasion=" + occasion).total())
                .isEqualTo(Bucket.of(1, "USD", "250.50"));
        assertThat(totals(client, "year=2023&occasion=" + occasion).total()).isEqualTo(TotalsAnswer.NOTHING);
        assertThat(totals(client, "by=occasion&occasion=" + occasion).row("occasion", occasion))
                .isEqualTo(Bucket.of(3, "CNY", "107.25", "USD", "250.50"));
    }

    @Test
    void pendingCountsInTheProposalYearAndCertifiedInTheCertificationYear() {
        fileTheKnownSet();

        TotalsAnswer pending = totals(client, "by=year,city&stage=pending&occasion=" + occasion);
        assertThat(pending.row("year", "2023", "city", "Wuhan")).isEqualTo(Bucket.of(1, "CNY", "40.00"));
        assertThat(pending.row("year", "2023", "city", "Tashkent")).isEqualTo(Bucket.of(1, "CNY", "40.00"));
        assertThat(pending.total()).as("declined and withdrawn agreements are pending no more")
                .isEqualTo(Bucket.of(1, "CNY", "40.00"));

        TotalsAnswer certified = totals(client, "by=year&stage=certified&occasion=" + occasion);
        assertThat(certified.values("year")).as("A4's certification was revoked").containsExactly("2025");
        assertThat(certified.row("year", "2025")).isEqualTo(Bucket.of(1, "USD", "250.50"));
    }

    @Test
    void anAgreementMovesThroughTheStagesAndARevocationLeavesItSigned() {
        UUID id = commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("1000.00", "CNY"),
                LocalDate.of(2024, 8, 20), URUMQI_ENTERPRISE, ALMATY);
        stagesAre(1, 0, 0);

        commands.sign(id, URUMQI_ENTERPRISE, LocalDate.of(2024, 8, 21));
        stagesAre(1, 0, 0);

        commands.sign(id, ALMATY, LocalDate.of(2024, 8, 22));
        stagesAre(0, 1, 0);

        commands.certify(id, LocalDate.of(2024, 9, 1));
        stagesAre(0, 1, 1);

        commands.revoke(id, LocalDate.of(2024, 10, 1));
        stagesAre(0, 1, 0);
    }

    @Test
    void declinedAndWithdrawnAgreementsLeavePending() {
        UUID declined = commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("10.00", "CNY"),
                LocalDate.of(2024, 8, 20), URUMQI_ENTERPRISE, ALMATY);
        UUID withdrawn = commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("20.00", "CNY"),
                LocalDate.of(2024, 8, 20), URUMQI_ENTERPRISE, ALMATY);
        commands.sign(declined, URUMQI_ENTERPRISE, LocalDate.of(2024, 8, 21));
        stagesAre(2, 0, 0);

        commands.decline(declined, ALMATY, LocalDate.of(2024, 8, 22));
        stagesAre(1, 0, 0);

        commands.withdraw(withdrawn, GatewayCommands.REGISTRAR, LocalDate.of(2024, 8, 23));
        stagesAre(0, 0, 0);
    }

    @Test
    void badParametersAreRefusedAsProblemsNamingTheParameter() {
        assertRefused("by=city,bogus", "by");
        assertRefused("by=city,city", "by");
        assertRefused("stage=approved", "stage");
        assertRefused("year=twenty", "year");
        assertRefused("year=99999999999", "year");
        assertRefused("kind=SPORTS", "kind");
    }

    @Test
    void aCityInSeveralCountriesMustBeNamedWithItsCountry() {
        Party springfieldUs = party("T-SPRINGFIELD-US", "Springfield-" + occasion, "US");
        Party springfieldAu = party("T-SPRINGFIELD-AU", "Springfield-" + occasion, "AU");
        commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("10.00", "CNY"), LocalDate.of(2024, 8, 20),
                springfieldUs, springfieldAu);
        eventually(() -> assertThat(totals(client, "stage=pending&occasion=" + occasion).total().count()).isEqualTo(1));

        assertRefused("stage=pending&city=" + springfieldUs.city(), "city");
        assertThat(totals(client, "stage=pending&by=city&city=" + springfieldUs.city() + "&country=US").total())
                .isEqualTo(Bucket.of(1, "CNY", "10.00"));
    }

    @Test
    void onlyAnalystsAuditorsAndAdministratorsReadTotals() {
        assertThat(client.get("analyst", "/api/totals").status()).isEqualTo(200);
        assertThat(client.get("auditor", "/api/totals").status()).isEqualTo(200);
        assertThat(client.get("admin", "/api/totals").status()).isEqualTo(200);
        assertThat(client.get("registrar", "/api/totals").status()).isEqualTo(403);
        assertThat(client.get(null, "/api/totals").status()).isEqualTo(401);
    }

    private void assertRefused(String query, String parameter) {
        Answer answer = client.get("analyst", "/api/totals?" + query);
        assertThat(answer.status()).as(query + ": " + answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo(parameter);
    }

    private void stagesAre(long pending, long signed, long certified) {
        eventually(() -> {
            assertThat(totals(client, "stage=pending&occasion=" + occasion).total().count()).as("pending").isEqualTo(pending);
            assertThat(totals(client, "stage=signed&occasion=" + occasion).total().count()).as("signed").isEqualTo(signed);
            assertThat(totals(client, "stage=certified&occasion=" + occasion).total().count()).as("certified")
                    .isEqualTo(certified);
        });
    }
}
