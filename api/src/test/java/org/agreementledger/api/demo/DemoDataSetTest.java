package org.agreementledger.api.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data set's totals are the published ones; everything else in it is invented, and says so. */
class DemoDataSetTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final DemoDataSet dataSet = DemoDataSet.read(JSON);
    private final List<DemoAgreement> agreements = dataSet.agreements();

    @Test
    void itSaysThatItsBreakdownIsInventedAndOnlyItsTotalsArePublished() {
        assertThat(dataSet.notice()).contains("invented").contains("Published, and kept exactly: 71 agreements");
    }

    @Test
    void seventyOneAgreementsWorthExactlyCny670Million() {
        assertThat(agreements).hasSize(71);
        assertThat(agreements).extracting(agreement -> agreement.value().currency()).containsOnly("CNY");
        BigDecimal total = agreements.stream().map(agreement -> agreement.value().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualTo(new BigDecimal("670000000.00"));
        assertThat(agreements).extracting(DemoAgreement::value).extracting(Money::amount)
                .allSatisfy(amount -> assertThat(amount.signum()).isPositive());
    }

    @Test
    void theFiveConferenceSectorsInIndustryTechnologyAndTalent() {
        assertThat(agreements).extracting(DemoAgreement::sector).containsOnly("EQUIPMENT_MANUFACTURING",
                "BIOMEDICINE", "NEW_MATERIALS", "RENEWABLE_ENERGY", "SMART_TECHNOLOGY");
        assertThat(agreements.stream().map(DemoAgreement::sector).distinct()).hasSize(5);
        assertThat(agreements).extracting(DemoAgreement::kind).containsOnly(CooperationKind.values());
        assertThat(agreements.stream().map(DemoAgreement::kind).distinct()).hasSize(3);
    }

    @Test
    void partnersInTwentyEightChineseCitiesBesidesUrumqiIncludingTheNamedOnesAndInKazakhstanAndUzbekistan() {
        Set<String> chineseCities = parties().filter(party -> party.country().equals("CN"))
                .map(Party::city).filter(city -> !city.equals("Urumqi")).collect(Collectors.toSet());
        assertThat(chineseCities).hasSize(28).contains("Wuhan", "Shenyang", "Harbin", "Changchun", "Jinan", "Hefei",
                "Changsha", "Nanchang", "Xi'an");
        assertThat(parties().map(Party::country).collect(Collectors.toSet())).containsExactlyInAnyOrder("CN", "KZ", "UZ");
        assertThat(parties().filter(party -> party.country().equals("UZ")).map(Party::city))
                .contains("Tashkent", "Samarkand");
        assertThat(parties()).anySatisfy(party -> assertThat(party)
                .isEqualTo(new Party("KZ-ALMATY-KBTU", "Kazakh-British Technical University",
                        OrganisationType.UNIVERSITY, "Almaty", "KZ")));
    }

    @Test
    void everyAgreementHasAnUrumqiEnterpriseUniversityOrInstituteAndXinjiangUniversityTakesPart() {
        assertThat(agreements).allSatisfy(agreement -> assertThat(agreement.parties())
                .anySatisfy(party -> assertThat(party.city()).isEqualTo("Urumqi")));
        assertThat(parties().filter(party -> party.city().equals("Urumqi")).map(Party::organisationType)
                .collect(Collectors.toSet())).contains(OrganisationType.ENTERPRISE,
                OrganisationType.UNIVERSITY,
                OrganisationType.RESEARCH_INSTITUTE);
        assertThat(parties()).anySatisfy(party -> assertThat(party.partyId()).isEqualTo("CN-URUMQI-XJU"));
    }

    @Test
    void proposedAtTheConferenceAllSignedOnTheTwentySecondSomeCertifiedIn2024And2025() {
        assertThat(agreements).allSatisfy(agreement -> {
            assertThat(agreement.proposedOn()).isBetween(LocalDate.of(2024, 8, 20), LocalDate.of(2024, 8, 22));
            assertThat(agreement.signedOn()).isEqualTo(LocalDate.of(2024, 8, 22));
        });
        List<DemoCertification> certifications = agreements.stream().map(DemoAgreement::certification)
                .filter(Objects::nonNull).toList();
        assertThat(certifications).allSatisfy(certification ->
                assertThat(certification.certifiedOn()).isAfterOrEqualTo(LocalDate.of(2024, 8, 22)));
        assertThat(certifications.stream().map(certification -> certification.certifiedOn().getYear()).distinct())
                .containsExactlyInAnyOrder(2024, 2025);
    }

    @Test
    void theAgreementsTheConferenceReportNamesArePartOfItAndSaySo() {
        DemoAgreement interRegional = named("Urumqi Science and Technology Bureau");
        assertThat(interRegional.parties()).hasSize(9).extracting(Party::city).containsExactly("Urumqi", "Wuhan",
                "Shenyang", "Harbin", "Changchun", "Jinan", "Hefei", "Changsha", "Nanchang");
        assertThat(interRegional.parties()).extracting(Party::organisationType)
                .containsOnly(OrganisationType.GOVERNMENT_BODY);

        List<DemoAgreement> strategic = agreements.stream()
                .filter(agreement -> agreement.title().startsWith("Strategic cooperation agreement of the Xinjiang-Central Asia"))
                .toList();
        assertThat(strategic).flatExtracting(DemoAgreement::parties).extracting(Party::name).contains(
                "Sigma Accounting Firm", "Hilsa Research Institute", "Kazakh-British Technical University");
        assertThat(strategic).flatExtracting(DemoAgreement::parties).extracting(Party::city)
                .contains("Xi'an", "Changsha", "Almaty");

        List<DemoAgreement> centres = agreements.stream()
                .filter(agreement -> agreement.title().contains("incubator centre")).toList();
        assertThat(centres).hasSize(12).allSatisfy(centre -> assertThat(centre.certification()).isNotNull());
        assertThat(centres.stream().filter(centre -> centre.title().startsWith("Offshore")))
                .flatExtracting(DemoAgreement::parties).extracting(Party::country).contains("KZ", "UZ")
                .doesNotContain("RU");
        assertThat(centres.stream().filter(centre -> centre.title().startsWith("Offshore")).count()).isEqualTo(4);
        assertThat(centres.stream().filter(centre -> centre.title().startsWith("Partner")))
                .flatExtracting(DemoAgreement::parties).extracting(Party::city)
                .contains("Wuhan", "Shenyang", "Harbin", "Changchun", "Jinan", "Hefei", "Changsha", "Nanchang");

        List<DemoAgreement> named = agreements.stream().filter(agreement -> agreement.publishedAs() != null).toList();
        assertThat(named).hasSize(16).contains(interRegional).containsAll(strategic).containsAll(centres)
                .allSatisfy(agreement -> assertThat(agreement.publishedAs()).contains("conference report names", "invented"));
        assertThat(dataSet.notice()).contains("Everything else", "is invented");
    }

    private DemoAgreement named(String party) {
        return agreements.stream().filter(agreement -> agreement.parties().stream()
                .anyMatch(each -> each.name().equals(party))).findFirst().orElseThrow();
    }

    @Test
    void keysIdsAndPartiesAreConsistent() {
        assertThat(agreements.stream().map(DemoAgreement::agreementId).distinct()).hasSize(71);
        Map<String, Party> byId = new HashMap<>();
        parties().forEach(party -> assertThat(byId.computeIfAbsent(party.partyId(), id -> party))
                .as("one party id, one organisation").isEqualTo(party));
        assertThat(agreements).allSatisfy(agreement -> assertThat(agreement.parties().stream().map(Party::partyId)
                .distinct()).hasSameSizeAs(agreement.parties()));
    }

    private Stream<Party> parties() {
        return agreements.stream().flatMap(agreement -> agreement.parties().stream());
    }
}
