package org.agreementledger.api.web.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.ReadSideIntegrationTest;
import org.agreementledger.ledger.domain.Party;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.agreementledger.api.support.GatewayCommands.party;
import static org.agreementledger.api.support.ReadSide.eventually;
import static org.agreementledger.ledger.domain.CooperationKind.INDUSTRY;
import static org.agreementledger.ledger.domain.CooperationKind.TALENT;
import static org.agreementledger.ledger.domain.Money.of;
import static org.assertj.core.api.Assertions.assertThat;

class AgreementQueriesOverHttpTest extends ReadSideIntegrationTest {

    private static final Party URUMQI = party("Q-URUMQI", "Urumqi", "CN");
    private static final Party HARBIN = party("Q-HARBIN", "Harbin", "CN");
    private static final Party SAMARKAND = party("Q-SAMARKAND", "Samarkand", "UZ");


    @Test
    void anAgreementShowsItsStatePartiesSignaturesValueAndCertification() {
        Map<String, Object> proposal = new HashMap<>(Agreements.proposal("12500000.00"));
        proposal.put("occasion", occasion);
        String id = client.post("registrar", "/api/agreements", proposal).body().get("agreementId").asText();
        client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-21"));
        client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));
        client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "XJ-2024-0042", "certifiedOn", "2024-09-02"));

        eventually(() -> assertThat(client.get("registrar", "/api/agreements/" + id).body().path("status").asText())
                .isEqualTo("CERTIFIED"));
        Answer answer = client.get("signatory-kbtu", "/api/agreements/" + id);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode agreement = answer.body();
        assertThat(agreement.get("agreementId").asText()).isEqualTo(id);
        assertThat(agreement.get("title").asText()).isEqualTo("Joint laboratory for smart grid control");
        assertThat(agreement.get("kind").asText()).isEqualTo("TECHNOLOGY");
        assertThat(agreement.get("sector").asText()).isEqualTo("SMART_TECHNOLOGY");
        assertThat(agreement.get("occasion").asText()).isEqualTo(occasion);
        assertThat(agreement.get("proposedOn").asText()).isEqualTo("2024-08-20");
        assertThat(agreement.get("proposedBy").asText()).isEqualTo("registrar");
        assertThat(agreement.get("value").get("amount").isTextual()).isTrue();
        assertThat(agreement.get("value").get("amount").asText()).isEqualTo("12500000.00");
        assertThat(agreement.get("value").get("currency").asText()).isEqualTo("CNY");
        assertThat(agreement.get("fullySignedOn").asText()).isEqualTo("2024-08-22");
        assertThat(agreement.get("parties")).hasSize(2);
        assertThat(agreement.get("parties").get(0).get("partyId").asText()).isEqualTo(Agreements.XJU);
        assertThat(agreement.get("parties").get(0).get("city").asText()).isEqualTo("Urumqi");
        assertThat(agreement.get("parties").get(0).get("signedOn").asText()).isEqualTo("2024-08-21");
        assertThat(agreement.get("parties").get(1).get("partyId").asText()).isEqualTo(Agreements.KBTU);
        assertThat(agreement.get("parties").get(1).get("signedOn").asText()).isEqualTo("2024-08-22");
        assertThat(agreement.get("certification").get("certificateNo").asText()).isEqualTo("XJ-2024-0042");
        assertThat(agreement.get("certification").get("certifiedOn").asText()).isEqualTo("2024-09-02");
        assertThat(agreement.get("certification").get("revokedOn").isNull()).isTrue();
        assertThat(agreement.get("declined").isNull()).isTrue();
        assertThat(agreement.get("withdrawal").isNull()).isTrue();
    }

    @Test
    void aDeclinedAgreementShowsWhoDeclinedAndAPartyThatHasNotSignedHasNoSignatureDate() {
        UUID id = commands.propose(occasion, "BIOMEDICINE", TALENT, of("5.00", "KZT"), LocalDate.of(2024, 4, 1),
                URUMQI, HARBIN, SAMARKAND);
        commands.sign(id, URUMQI, LocalDate.of(2024, 4, 2));
        commands.decline(id, SAMARKAND, LocalDate.of(2024, 4, 3));

        eventually(() -> assertThat(client.get("registrar", "/api/agreements/" + id).body().path("status").asText())
                .isEqualTo("DECLINED"));
        JsonNode agreement = client.get("registrar", "/api/agreements/" + id).body();

        assertThat(agreement.get("declined").get("partyId").asText()).isEqualTo(SAMARKAND.partyId());
        assertThat(agreement.get("declined").get("declinedOn").asText()).isEqualTo("2024-04-03");
        assertThat(agreement.get("parties").get(0).get("signedOn").asText()).isEqualTo("2024-04-02");
        assertThat(agreement.get("parties").get(1).get("signedOn").isNull()).isTrue();
        assertThat(agreement.get("value").get("currency").asText()).isEqualTo("KZT");
    }

    @Test
    void anUnknownAgreementIsANotFoundProblemAndAMalformedIdABadRequest() {
        Answer unknown = client.get("registrar", "/api/agreements/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("code").asText()).isEqualTo("agreement-not-found");

        Answer malformed = client.get("registrar", "/api/agreements/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("errors").get(0).get("field").asText()).isEqualTo("agreementId");
    }

    @Test
    void theListingIsFilteredAndPagedInAStableOrder() {
        List<UUID> ids = new ArrayList<>();
        ids.add(commands.propose(occasion, "BIOMEDICINE", INDUSTRY, of("1.00", "CNY"), LocalDate.of(2023, 5, 1),
                URUMQI, HARBIN));
        ids.add(commands.propose(occasion, "BIOMEDICINE", TALENT, of("2.00", "CNY"), LocalDate.of(2024, 5, 1),
                URUMQI, SAMARKAND));
        ids.add(commands.propose(occasion, "NEW_MATERIALS", INDUSTRY, of("3.00", "CNY"), LocalDate.of(2024, 6, 1),
                HARBIN, SAMARKAND));
        commands.signByAll(ids.get(2), LocalDate.of(2024, 6, 2), HARBIN, SAMARKAND);
        eventually(() -> assertThat(list("status=SIGNED").get("totalItems").asLong()).isEqualTo(1));

        JsonNode firstPage = list("size=2&page=0");
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(firstPage.get("totalPages").asLong()).isEqualTo(2);
        assertThat(firstPage.get("size").asInt()).isEqualTo(2);
        assertThat(idsOf(firstPage)).as("newest proposal first").containsExactly(ids.get(2), ids.get(1));
        assertThat(idsOf(list("size=2&page=1"))).containsExactly(ids.get(0));
        assertThat(idsOf(list("size=2&page=2"))).isEmpty();

        assertThat(idsOf(list("city=Samarkand"))).containsExactly(ids.get(2), ids.get(1));
        assertThat(idsOf(list("city=Harbin&country=CN"))).containsExactly(ids.get(2), ids.get(0));
        assertThat(idsOf(list("city=Harbin&country=UZ"))).as("city and country name one place").isEmpty();
        assertThat(idsOf(list("country=UZ"))).containsExactly(ids.get(2), ids.get(1));
        assertThat(idsOf(list("sector=BIOMEDICINE&kind=TALENT"))).containsExactly(ids.get(1));
        assertThat(idsOf(list("year=2023"))).containsExactly(ids.get(0));
        assertThat(idsOf(list("status=PROPOSED"))).containsExactly(ids.get(1), ids.get(0));
        assertThat(idsOf(list("status=SIGNED&city="))).as("an empty filter does not filter")
                .containsExactly(ids.get(2));
    }

    @Test
    void aPageHoldsAtMostAHundredAgreements() {
        JsonNode page = client.get("registrar", "/api/agreements?size=100000").body();

        assertThat(page.get("size").asInt()).isEqualTo(100);
        assertThat(page.get("items").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void badListingParametersAreRefusedAsProblemsNamingTheParameter() {
        for (String[] refusal : new String[][]{{"page=-1", "page"}, {"size=0", "size"}, {"page=first", "page"},
                {"status=ACTIVE", "status"}, {"kind=SPORTS", "kind"}, {"year=soon", "year"}}) {
            Answer answer = client.get("registrar", "/api/agreements?" + refusal[0]);
            assertThat(answer.status()).as(refusal[0] + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo(refusal[1]);
        }
    }

    private JsonNode list(String query) {
        Answer answer = client.get("registrar", "/api/agreements?occasion=" + occasion + "&" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static List<UUID> idsOf(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(UUID.fromString(item.get("agreementId").asText())));
        return ids;
    }
}
