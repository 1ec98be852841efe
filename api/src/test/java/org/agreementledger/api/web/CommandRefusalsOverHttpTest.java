package org.agreementledger.api.web;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.HttpContractTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal is a problem+json 4xx with a stable type, and writes no event. */
class CommandRefusalsOverHttpTest extends HttpContractTest {

    private static final String PROBLEM_TYPE = "urn:agreement-ledger:problem:";

    @Test
    void aRequestWithoutCredentialsIsUnauthorized() {
        Answer answer = refusedWithoutEvents(() -> client.post(null, "/api/agreements", Agreements.proposal("1.00")));
        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        Answer answer = refusedWithoutEvents(() -> new LedgerClient(rest.withBasicAuth("registrar", "guess"))
                .post(null, "/api/agreements", Agreements.proposal("1.00")));
        assertProblem(answer, 401, "unauthenticated");
    }

    @Test
    void aWrongPasswordRightAfterTheRightOneIsUnauthorized() {
        assertThat(client.get("registrar", "/api/agreements/" + UUID.randomUUID()).status()).isNotEqualTo(401);
        Answer answer = new LedgerClient(rest.withBasicAuth("registrar", "registrar-pass-not"))
                .get(null, "/api/agreements/" + UUID.randomUUID());
        assertProblem(answer, 401, "unauthenticated");
    }

    @Test
    void onlyARegistrarProposes() {
        for (String user : List.of("signatory-xju", "certifier", "auditor", "analyst", "admin")) {
            Answer answer = refusedWithoutEvents(
                    () -> client.post(user, "/api/agreements", Agreements.proposal("1.00")));
            assertProblem(answer, 403, "forbidden");
        }
    }

    @Test
    void aSignatorySignsOnlyForItsOwnParty() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22")));
        assertProblem(answer, 403, "party-not-yours");
    }

    @Test
    void aSignatoryDeclinesOnlyForItsOwnParty() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-kbtu", "/api/agreements/" + id + "/declines",
                Map.of("partyId", Agreements.XJU, "declinedOn", "2024-08-22")));
        assertProblem(answer, 403, "party-not-yours");
    }

    @Test
    void onlyTheProposingRegistrarWithdraws() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("registrar2", "/api/agreements/" + id + "/withdrawal",
                Map.of("withdrawnOn", "2024-08-22")));
        assertProblem(answer, 403, "not-the-proposer");
    }

    @Test
    void aSignatoryCannotCertify() {
        String id = fullySigned("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju",
                "/api/agreements/" + id + "/certification", Map.of("certificateNo", "C-1")));
        assertProblem(answer, 403, "forbidden");
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Answer answer = refusedWithoutEvents(() -> client.exchange("registrar", HttpMethod.POST, "/api/agreements",
                "{\"title\": ", headers));
        assertProblem(answer, 400, "malformed-request");
    }

    @Test
    void anUnknownFieldIsABadRequestNamingIt() {
        Map<String, Object> body = new HashMap<>(Agreements.proposal("1.00"));
        body.put("registrar", "someone-else");
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements", body));
        assertProblem(answer, 400, "malformed-request");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("registrar");
    }

    @Test
    void missingFieldsAreUnprocessableAndNamed() {
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements",
                Map.of("title", "Only a title")));
        assertProblem(answer, 422, "invalid-request");
        assertThat(answer.body().get("errors").findValuesAsText("field"))
                .contains("kind", "sector", "parties", "value");
    }

    @Test
    void aNulCharacterInATitleIsUnprocessable() {
        Map<String, Object> body = new HashMap<>(Agreements.proposal("1.00"));
        body.put("title", "Joint\u0000laboratory");
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements", body));
        assertProblem(answer, 422, "invalid-request");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
    }

    @Test
    void aNulCharacterInADeclineReasonIsUnprocessable() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju", "/api/agreements/" + id + "/declines",
                Map.of("partyId", Agreements.XJU, "declinedOn", "2024-08-22", "reason", "no\u0000")));
        assertProblem(answer, 422, "invalid-request");
    }

    @Test
    void aQueryParameterWithANulCharacterIsABadRequest() {
        ResponseEntity<String> answer = rest.withBasicAuth("analyst", LedgerClient.PASSWORDS.get("analyst"))
                .exchange(RequestEntity.get(URI.create(rest.getRootUri() + "/api/agreements?city=Wu%00han")).build(),
                        String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("urn:agreement-ledger:problem:invalid-parameter", "city");
    }

    @Test
    void anUnknownEnumValueIsUnprocessable() {
        Map<String, Object> body = new HashMap<>(Agreements.proposal("1.00"));
        body.put("kind", "TRADE");
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements", body));
        assertProblem(answer, 422, "invalid-request");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("kind");
    }

    @Test
    void anAmountWithThreeFractionDigitsIsUnprocessable() {
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements",
                Agreements.proposal("10.005")));
        assertProblem(answer, 422, "invalid-request");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("value.amount");
    }

    @Test
    void aNegativeAmountIsUnprocessable() {
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements",
                Agreements.proposal("-1.00")));
        assertProblem(answer, 422, "invalid-request");
    }

    @Test
    void anUnknownCurrencyIsUnprocessable() {
        Map<String, Object> body = new HashMap<>(Agreements.proposal("1.00"));
        body.put("value", Map.of("amount", "1.00", "currency", "XXY"));
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements", body));
        assertProblem(answer, 422, "invalid-agreement");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("value.currency");
    }

    @Test
    void aSectorOutsideTheCatalogueIsUnprocessable() {
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements",
                Agreements.proposal("1.00", "SPACE_MINING", "2024-08-20")));
        assertProblem(answer, 422, "invalid-agreement");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("sector");
    }

    @Test
    void twoPartiesWithOneIdAreUnprocessable() {
        Map<String, Object> body = new HashMap<>(Agreements.proposal("1.00"));
        body.put("parties", List.of(Agreements.demoParties().get(0), Agreements.demoParties().get(0)));
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements", body));
        assertProblem(answer, 422, "invalid-agreement");
    }

    @Test
    void aProposalDatedInTheFutureIsUnprocessable() {
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements",
                Agreements.proposal("1.00", "BIOMEDICINE", "2999-01-01")));
        assertProblem(answer, 422, "business-date-out-of-range");
    }

    @Test
    void aSignatureBeforeTheProposalDateIsUnprocessable() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-01")));
        assertProblem(answer, 422, "business-date-out-of-range");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("signedOn");
    }

    @Test
    void anImpossibleDateIsUnprocessable() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-02-30")));
        assertProblem(answer, 422, "invalid-request");
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("signedOn");
    }

    @Test
    void signingTwiceIsAConflict() {
        String id = propose("2500000.00");
        client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")));
        assertProblem(answer, 409, "already-signed");
    }

    @Test
    void certifyingAnAgreementNotFullySignedIsAConflict() {
        String id = propose("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "C-1", "certifiedOn", "2024-09-01")));
        assertProblem(answer, 409, "lifecycle-violation");
        assertThat(answer.body().get("agreementStatus").asText()).isEqualTo("PROPOSED");
    }

    @Test
    void certifyingTwiceIsAConflict() {
        String id = fullySigned("2500000.00");
        client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "C-1", "certifiedOn", "2024-09-01"));
        Answer answer = refusedWithoutEvents(() -> client.post("certifier", "/api/agreements/" + id + "/certification",
                Map.of("certificateNo", "C-2", "certifiedOn", "2024-09-02")));
        assertProblem(answer, 409, "lifecycle-violation");
    }

    @Test
    void revokingAnUncertifiedAgreementIsAConflict() {
        String id = fullySigned("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("certifier",
                "/api/agreements/" + id + "/certification/revocation", Map.of("revokedOn", "2024-09-01")));
        assertProblem(answer, 409, "lifecycle-violation");
    }

    @Test
    void withdrawingASignedAgreementIsAConflict() {
        String id = fullySigned("2500000.00");
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements/" + id + "/withdrawal",
                Map.of("withdrawnOn", "2024-09-01")));
        assertProblem(answer, 409, "lifecycle-violation");
    }

    @Test
    void aCommandOnAnUnknownAgreementIsNotFound() {
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju",
                "/api/agreements/" + UUID.randomUUID() + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")));
        assertProblem(answer, 404, "agreement-not-found");
    }

    @Test
    void anAgreementIdThatIsNotAUuidIsABadRequest() {
        Answer answer = refusedWithoutEvents(() -> client.post("signatory-xju", "/api/agreements/not-a-uuid/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")));
        assertProblem(answer, 400, "invalid-parameter");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        Answer answer = refusedWithoutEvents(() -> client.exchange("registrar", HttpMethod.POST, "/api/agreements",
                "title=x", headers));
        assertProblem(answer, 415, "unsupported-media-type");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        Map<String, Object> body = new HashMap<>(Agreements.proposal("1.00"));
        body.put("title", "x".repeat(100_000));
        Answer answer = refusedWithoutEvents(() -> client.post("registrar", "/api/agreements", body));
        assertProblem(answer, 413, "payload-too-large");
    }

    private Answer refusedWithoutEvents(Supplier<Answer> request) {
        long before = eventCount();
        Answer answer = request.get();
        assertThat(eventCount()).as("events written by a refused command").isEqualTo(before);
        return answer;
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body().get("type").asText()).isEqualTo(PROBLEM_TYPE + code);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("detail").asText()).isNotBlank();
    }
}
