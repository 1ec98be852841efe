package org.agreementledger.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document against the README's contract table: every endpoint of the table is in the
 * document, with the table's success status and its refusals among its answers, and the document has
 * no endpoint the table lacks; and against the service: an endpoint documented as needing a caller
 * refuses a request without credentials, one documented as open serves it.
 */
class OpenApiContractTest extends HttpContractTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST) (/[^`?]*)(?:\\?[^`]*)?` \\| [^|]+ \\| (\\d{3})");

    private record Endpoint(String method, String path, String success) {
    }

    private static List<Endpoint> contractTable() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int start = readme.indexOf("## HTTP contract");
        assertThat(start).as("the README has an HTTP contract section").isNotNegative();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String line : readme.subList(start + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                endpoints.add(new Endpoint(row.group(1), row.group(2), row.group(3)));
            }
        }
        return endpoints;
    }

    /**
     * An endpoint documented as needing a caller (403 among its refusals) answers 401 to a request
     * without credentials; one documented as open (no security requirement) serves it.
     */
    private void assertUnauthenticatedAnswerAsDocumented(Endpoint endpoint, JsonNode operation) {
        String path = endpoint.path().replace("{agreementId}", UUID.randomUUID().toString())
                .replace("{partyId}", "CN-URUMQI-XJU").replace("{keyId}", "ed25519:none");
        Answer answer = client.exchange(null, HttpMethod.valueOf(endpoint.method()), path,
                endpoint.method().equals("POST") ? Map.of() : null, HttpHeaders.EMPTY);
        JsonNode responses = operation.get("responses");
        boolean open = operation.has("security") && operation.get("security").isEmpty();
        assertThat(responses.has("403")).as("%s %s is forbidden to some exactly when not open", endpoint.method(),
                endpoint.path()).isEqualTo(!open);
        if (!open) {
            assertThat(answer.status()).as("%s %s without credentials", endpoint.method(), endpoint.path())
                    .isEqualTo(401);
        } else {
            assertThat(answer.status()).as("%s %s without credentials: %s", endpoint.method(), endpoint.path(),
                    answer.text()).isNotEqualTo(401);
            assertThat(responses.fieldNames()).toIterable().contains(String.valueOf(answer.status()));
        }
    }

    @Test
    void everyEndpointOfTheReadmesContractIsDocumentedWithItsAnswerAndNoOtherIs() throws IOException {
        Answer document = client.get(null, "/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.body().get("paths");
        List<Endpoint> table = contractTable();
        assertThat(table).hasSizeGreaterThan(20);
        for (Endpoint endpoint : table) {
            JsonNode operation = paths.path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
            assertThat(operation.isMissingNode()).as("%s %s is documented", endpoint.method(), endpoint.path())
                    .isFalse();
            assertThat(operation.get("responses").has(endpoint.success()))
                    .as("%s %s answers %s: %s", endpoint.method(), endpoint.path(), endpoint.success(),
                            operation.get("responses").fieldNames())
                    .isTrue();
            for (String refusal : List.of("400", "503")) {
                assertThat(operation.at("/responses/" + refusal + "/content/application~1problem+json/schema/$ref")
                        .asText()).as("%s %s documents its refusal %s", endpoint.method(), endpoint.path(), refusal)
                        .isEqualTo("#/components/schemas/Problem");
            }
            assertUnauthenticatedAnswerAsDocumented(endpoint, operation);
        }
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(table.stream()
                .map(endpoint -> endpoint.method() + " " + endpoint.path()).toList());
        assertThat(document.body().at("/components/securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("basic", "bearer");
        assertThat(document.body().at("/components/schemas/Problem/properties/code/enum").toString())
                .contains("agreement-not-found", "service-unavailable", "not-yet-logged");
    }
}
