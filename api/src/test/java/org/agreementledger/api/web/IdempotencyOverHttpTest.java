package org.agreementledger.api.web;

import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.agreementledger.api.support.HttpContractTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyOverHttpTest extends HttpContractTest {

    @Test
    void aRetriedProposalAnswersTheFirstAnswerAndWritesNothingNew() {
        String key = UUID.randomUUID().toString();
        Answer first = client.post("registrar", "/api/agreements", Agreements.proposal("300.00"), key);
        long events = eventCount();

        Answer retry = client.post("registrar", "/api/agreements", Agreements.proposal("300.00"), key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        client.post("registrar", "/api/agreements", Agreements.proposal("300.00"), key);
        long events = eventCount();

        Answer other = client.post("registrar", "/api/agreements", Agreements.proposal("301.00"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asText()).isEqualTo("urn:agreement-ledger:problem:idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameKeyOnAnotherAgreementIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        String first = propose("900.00");
        String second = propose("900.00");
        client.post("signatory-xju", "/api/agreements/" + first + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"), key);

        Answer other = client.post("signatory-xju", "/api/agreements/" + second + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"), key);

        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void keysBelongToTheirActor() {
        String key = UUID.randomUUID().toString();
        Answer mine = client.post("registrar", "/api/agreements", Agreements.proposal("300.00"), key);
        Answer theirs = client.post("registrar2", "/api/agreements", Agreements.proposal("300.00"), key);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.body().get("agreementId")).isNotEqualTo(mine.body().get("agreementId"));
    }

    @Test
    void aRetriedSignatureAnswersTheFirstAnswerEvenAfterTheAgreementMovedOn() {
        String id = propose("900.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> signature = Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22");
        Answer first = client.post("signatory-xju", "/api/agreements/" + id + "/signatures", signature, key);
        client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));
        long events = eventCount();

        Answer retry = client.post("signatory-xju", "/api/agreements/" + id + "/signatures", signature, key);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.body().get("status").asText()).isEqualTo("PROPOSED");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusalIsRememberedToo() {
        String id = propose("900.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> certification = Map.of("certificateNo", "C-9", "certifiedOn", "2024-09-01");
        Answer first = client.post("certifier", "/api/agreements/" + id + "/certification", certification, key);
        assertThat(first.status()).isEqualTo(409);
        signByBoth(id);

        Answer retry = client.post("certifier", "/api/agreements/" + id + "/certification", certification, key);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body().get("type")).isEqualTo(first.body().get("type"));
        assertThat(retry.contentType()).isEqualTo("application/problem+json");
        assertThat(lastEventTypeOf(id)).isEqualTo(List.of("AgreementFullySigned"));
    }

    @Test
    void concurrentRetriesWithOneKeyWriteOneAgreement() throws Exception {
        String key = UUID.randomUUID().toString();
        long events = eventCount();
        List<Answer> answers = concurrently(8,
                () -> client.post("registrar", "/api/agreements", Agreements.proposal("777.00"), key));

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.body().get("agreementId").asText()).containsOnly(
                answers.get(0).body().get("agreementId").asText());
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void concurrentSignaturesOfBothPartiesAreBothRecordedInOneUnbrokenChain() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = propose("900.00");
            List<Answer> answers = concurrently(2, List.of(
                    () -> client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                            Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22")),
                    () -> client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                            Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-23"))));

            assertThat(answers).extracting(Answer::status).containsOnly(200);
            List<Map<String, Object>> chain = jdbc.queryForList("""
                    SELECT sequence_number,
                           convert_from(meta_data, 'UTF8')::jsonb ->> 'previousHash' AS previous_hash,
                           convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' AS hash
                    FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", id);
            assertThat(chain).hasSize(4);
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).get("previous_hash")).isEqualTo(chain.get(i - 1).get("hash"));
            }
        }
    }

    @Test
    void anEmptyOrOverlongKeyIsABadRequest() {
        Answer overlong = client.post("registrar", "/api/agreements", Agreements.proposal("1.00"), "k".repeat(256));
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.body().get("type").asText()).isEqualTo("urn:agreement-ledger:problem:invalid-idempotency-key");
    }

    private List<Answer> concurrently(int copies, Callable<Answer> request) throws Exception {
        return concurrently(copies, IntStream.range(0, copies).mapToObj(i -> request).toList());
    }

    private List<Answer> concurrently(int threads, List<Callable<Answer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Answer>> futures = pool.invokeAll(requests);
            List<Answer> answers = new java.util.ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private void signByBoth(String id) {
        client.post("signatory-xju", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.XJU, "signedOn", "2024-08-22"));
        client.post("signatory-kbtu", "/api/agreements/" + id + "/signatures",
                Map.of("partyId", Agreements.KBTU, "signedOn", "2024-08-22"));
    }

    private List<String> lastEventTypeOf(String id) {
        return jdbc.queryForList("""
                SELECT regexp_replace(payload_type, '.*\\.', '') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", String.class, id);
    }
}
