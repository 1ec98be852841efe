package org.agreementledger.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document against the README's contract table: every endpoint of the table is in the
 * document, with the table's success status among its answers, and the document has no endpoint
 * the table lacks.
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
            assertThat(operation.at("/responses/default/content/application~1problem+json/schema/$ref").asText())
                    .as("%s %s documents its refusals", endpoint.method(), endpoint.path())
                    .isEqualTo("#/components/schemas/Problem");
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
