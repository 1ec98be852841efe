package org.agreementledger.api.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.problem.Refusals;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a command in one database transaction with the record of its answer, so that a retry with
 * the same {@code Idempotency-Key} gets the first answer and writes nothing new. Axon's command
 * handling joins this transaction: the events and the stored answer commit together or not at all.
 * A refusal is remembered too; a server error is not, so the client may simply retry.
 */
@Component
public class IdempotentCommandRunner {

    /** The request header that carries the client's key. */
    public static final String HEADER = "Idempotency-Key";

    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 3;
    private static final int MAX_KEY_LENGTH = 255;
    /** Visible ASCII characters, spaces only inside: what a client can send and PostgreSQL can store. */
    private static final Pattern WELL_FORMED_KEY = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,"
            + (MAX_KEY_LENGTH - 2) + "}[\\x21-\\x7E])?");

    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final Counter replays;

    public IdempotentCommandRunner(TransactionTemplate transaction, JdbcTemplate jdbc, ObjectMapper objectMapper,
                                   MeterRegistry meters) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.replays = meters.counter("ledger.idempotent.replays");
    }

    /**
     * @param actor   the authenticated principal; keys are scoped to it
     * @param key     the client's Idempotency-Key, or null
     * @param request what identifies the request: method, path and body
     * @param command sends the command and builds the answer
     */
    public ResponseEntity<Object> run(String actor, String key, RequestIdentity request, Supplier<ResponseEntity<Object>> command) {
        if (key != null && !WELL_FORMED_KEY.matcher(key).matches()) {
            throw new InvalidIdempotencyKeyException(MAX_KEY_LENGTH);
        }
        String fingerprint = fingerprintOf(request);
        try {
            return withRetryOnConcurrentChange(() -> transaction.execute(status -> {
                if (key == null) {
                    return command.get();
                }
                Optional<ResponseEntity<Object>> firstAnswer = claim(actor, key, fingerprint);
                if (firstAnswer.isPresent()) {
                    return firstAnswer.get();
                }
                ResponseEntity<Object> answer = command.get();
                remember(actor, key, answer);
                return answer;
            }));
        } catch (IdempotencyKeyReusedException reused) {
            throw reused;
        } catch (RuntimeException failure) {
            ProblemDetail problem = Refusals.problemFor(failure).orElseThrow(() -> failure);
            ResponseEntity<Object> refusal = Problems.response(problem);
            if (key == null) {
                return refusal;
            }
            return transaction.execute(status -> claim(actor, key, fingerprint).orElseGet(() -> {
                remember(actor, key, refusal);
                return refusal;
            }));
        }
    }

    private ResponseEntity<Object> withRetryOnConcurrentChange(Supplier<ResponseEntity<Object>> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (ConcurrencyException concurrentChange) {
                if (tries == ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw concurrentChange;
                }
            }
        }
    }

    /** Claims the key for this request, or answers what the first request with it was answered. */
    private Optional<ResponseEntity<Object>> claim(String actor, String key, String fingerprint) {
        int claimed = jdbc.update("""
                INSERT INTO idempotent_request (actor, idempotency_key, fingerprint) VALUES (?, ?, ?)
                ON CONFLICT (actor, idempotency_key) DO NOTHING""", actor, key, fingerprint);
        if (claimed == 1) {
            return Optional.empty();
        }
        List<StoredAnswer> stored = jdbc.query("""
                        SELECT fingerprint, response_status, response_location, response_body
                        FROM idempotent_request WHERE actor = ? AND idempotency_key = ?""",
                (row, i) -> new StoredAnswer(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)),
                actor, key);
        StoredAnswer answer = stored.get(0);
        if (!answer.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        replays.increment();
        return Optional.of(answer.replay());
    }

    private void remember(String actor, String key, ResponseEntity<Object> answer) {
        String location = answer.getHeaders().getLocation() == null ? null : answer.getHeaders().getLocation().toString();
        jdbc.update("""
                        UPDATE idempotent_request SET response_status = ?, response_location = ?, response_body = ?
                        WHERE actor = ? AND idempotency_key = ?""",
                answer.getStatusCode().value(), location, toJson(answer.getBody()), actor, key);
    }

    private String fingerprintOf(RequestIdentity request) {
        return RequestFingerprint.of(objectMapper.valueToTree(request));
    }

    private String toJson(Object body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON", e);
        }
    }

    private record StoredAnswer(String fingerprint, int status, String location, String body) {

        ResponseEntity<Object> replay() {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                    .header("Idempotent-Replayed", "true")
                    .contentType(status >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
            if (location != null) {
                builder.header(HttpHeaders.LOCATION, location);
            }
            return builder.body(body);
        }
    }
}
