package org.agreementledger.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** HTTP calls to the running service as one of the configured users, with answers as JSON trees. */
public class LedgerClient {

    /** The users of application.yml and their passwords. */
    public static final Map<String, String> PASSWORDS = Map.of(
            "registrar", "registrar-pass",
            "registrar2", "registrar2-pass",
            "signatory-xju", "xju-pass",
            "signatory-kbtu", "kbtu-pass",
            "certifier", "certifier-pass",
            "auditor", "auditor-pass",
            "analyst", "analyst-pass",
            "admin", "admin-pass");

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public LedgerClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    public Answer get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, HttpHeaders.EMPTY);
    }

    public Answer post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, HttpHeaders.EMPTY);
    }

    public Answer post(String user, String path, Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", idempotencyKey);
        return exchange(user, HttpMethod.POST, path, body, headers);
    }

    public Answer exchange(String user, HttpMethod method, String path, Object body, HttpHeaders extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extraHeaders);
        if (body != null && headers.getContentType() == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORDS.get(user));
        ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new Answer(response.getStatusCode().value(), response.getHeaders(),
                parse(response.getHeaders().getContentType(), response.getBody()), response.getBody());
    }

    /** A JSON body read as JSON; any other (a signed note is text) only as text. */
    private JsonNode parse(MediaType contentType, String body) {
        if (body == null || body.isBlank() || contentType == null || !contentType.getSubtype().contains("json")) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the service answered something that is not JSON: " + body, e);
        }
    }

    /** A status, headers, a JSON body (JSON null when the body is not JSON) and the body as text. */
    public record Answer(int status, HttpHeaders headers, JsonNode body, String text) {

        public String contentType() {
            return headers.getContentType() == null ? null : headers.getContentType().toString();
        }
    }
}
