package org.agreementledger.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import org.agreementledger.api.fuzz.RawHttp.Answer;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient;
import org.agreementledger.api.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile requests over every endpoint, mutated at random from valid ones: bodies
 * (invalid UTF-8, lone surrogates, NULs, huge and tiny numbers, deep nesting, wrong JSON types,
 * duplicate keys, trailing bytes, truncation), headers (content types, idempotency keys, correlation
 * ids, credentials, control bytes), paths and query strings. None may answer a 5xx, every refusal
 * is problem+json, no refused request writes an event, and every answer to an endpoint's own path is
 * one the OpenAPI document gives that endpoint.
 *
 * <p>Seeded and reproducible: {@code -Dfuzz.seed=N -Dfuzz.requests=N} (default seed fixed, 3000 requests).
 */
@Import(TestIdentityProvider.Trusted.class)
class HostileInputFuzzTest extends HttpContractTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20240822L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);

    @LocalServerPort
    int port;

    private final Random random = new Random(SEED);
    private final Map<String, Integer> statuses = new TreeMap<>();

    private record Endpoint(String method, String path, String user, String body, boolean mutateBody) {
    }

    @Test
    void noHostileRequestGetsA5xxOrWritesAnEventWhenRefused() throws Exception {
        List<Endpoint> endpoints = endpoints();
        JsonNode contract = client.get(null, "/v3/api-docs").body().get("paths");
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            Request request = mutate(endpoint);
            long eventsBefore = eventCount();

            Answer answer = RawHttp.send(port, request.method, request.target, request.headers.toArray(byte[][]::new),
                    request.body);

            String described = "request " + i + " of seed " + SEED + ": " + request.describe() + "\n" + answer.head();
            statuses.merge(answer.status() / 100 + "xx", 1, Integer::sum);
            assertThat(answer.status()).as(described).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(described).startsWith("application/problem+json");
                assertThat(eventCount()).as("events after a refusal, " + described).isEqualTo(eventsBefore);
            }
            if (Arrays.equals(request.target, bytes(endpoint.path)) && endpoint.path.startsWith("/api/")) {
                assertThat(documentedAnswers(contract, endpoint)).as("documented answers, " + described)
                        .contains(String.valueOf(answer.status()));
            }
        }
        System.out.println("HostileInputFuzzTest: seed " + SEED + ", " + REQUESTS + " requests, answers " + statuses);
        assertThat(statuses.get("4xx")).as("most hostile requests are refused").isGreaterThan(REQUESTS / 2);
    }

    /** The answers the OpenAPI document gives the operation an endpoint's request goes to. */
    private static List<String> documentedAnswers(JsonNode contract, Endpoint endpoint) {
        String path = endpoint.path.replaceFirst("\\?.*", "");
        List<String> answers = new ArrayList<>();
        contract.fields().forEachRemaining(documented -> {
            if (path.matches(documented.getKey().replaceAll("\\{[^/]+}", "[^/]+"))) {
                documented.getValue().path(endpoint.method.toLowerCase(Locale.ROOT)).path("responses").fieldNames()
                        .forEachRemaining(answers::add);
            }
        });
        return answers;
    }

    private List<Endpoint> endpoints() {
        String proposed = propose("10.00");
        String proposedToo = propose("11.00");
        String signed = fullySigned("20.00");
        String certified = fullySigned("30.00");
        client.post("certifier", "/api/agreements/" + certified + "/certification",
                Map.of("certificateNo", "FUZZ-1", "certifiedOn", "2024-09-02"));
        String proposal = """
                {"title": "Fuzzed laboratory", "kind": "TECHNOLOGY", "sector": "SMART_TECHNOLOGY",
                 "parties": [{"partyId": "CN-URUMQI-XJU", "name": "Xinjiang University", "organisationType": "UNIVERSITY",
                              "city": "Urumqi", "country": "CN"},
                             {"partyId": "KZ-ALMATY-KBTU", "name": "KBTU", "organisationType": "UNIVERSITY",
                              "city": "Almaty", "country": "KZ"}],
                 "value": {"amount": "12500000.00", "currency": "CNY"}, "occasion": "Fuzzing", "proposedOn": "2024-08-20"}""";
        return List.of(
                new Endpoint("POST", "/api/agreements", "registrar", proposal, true),
                new Endpoint("POST", "/api/agreements/" + proposed + "/signatures", "signatory-xju",
                        "{\"partyId\": \"CN-URUMQI-XJU\", \"signedOn\": \"2024-08-22\"}", true),
                new Endpoint("POST", "/api/agreements/" + proposedToo + "/declines", "signatory-kbtu",
                        "{\"partyId\": \"KZ-ALMATY-KBTU\", \"declinedOn\": \"2024-08-22\", \"reason\": \"no\"}", true),
                new Endpoint("POST", "/api/agreements/" + proposedToo + "/withdrawal", "registrar",
                        "{\"withdrawnOn\": \"2024-08-22\", \"reason\": \"changed plans\"}", true),
                new Endpoint("POST", "/api/agreements/" + signed + "/certification", "certifier",
                        "{\"certificateNo\": \"XJ-9\", \"certifiedOn\": \"2024-09-02\"}", true),
                new Endpoint("POST", "/api/agreements/" + certified + "/certification/revocation", "certifier",
                        "{\"revokedOn\": \"2024-09-03\", \"reason\": \"error\"}", true),
                new Endpoint("POST", "/api/ledger/digests", "auditor", "{}", true),
                new Endpoint("POST", "/api/admin/demo-data", "admin", "{}", true),
                // its body is never mutated; a request whose other mutations leave it valid rebuilds the
                // read models while the other requests read them
                new Endpoint("POST", "/api/admin/projections/rebuild", "admin", "{}", false),
                new Endpoint("GET", "/api/agreements?city=Almaty&country=KZ&status=SIGNED&page=0&size=5", "analyst", "",
                        false),
                new Endpoint("GET", "/api/agreements/" + signed, "analyst", "", false),
                new Endpoint("GET", "/api/totals?by=city,sector,year&stage=signed&year=2024", "analyst", "", false),
                new Endpoint("GET", "/api/agreements/" + certified + "/history", "auditor", "", false),
                new Endpoint("GET", "/api/agreements/" + certified + "/certificate", "auditor", "", false),
                new Endpoint("GET", "/api/ledger/events?after=0&limit=5", "auditor", "", false),
                new Endpoint("GET", "/api/ledger/export?after=0&until=5", "auditor", "", false),
                new Endpoint("GET", "/api/admin/projections", "admin", "", false),
                new Endpoint("GET", "/api/ledger/checkpoint", "analyst", "", false),
                new Endpoint("GET", "/api/ledger/public-key", "analyst", "", false),
                new Endpoint("GET", "/api/ledger/proofs/inclusion?position=1&treeSize=1", "auditor", "", false),
                new Endpoint("GET", "/api/ledger/proofs/consistency?from=1", "auditor", "", false),
                new Endpoint("GET", "/api/totals", "analyst", "", false),
                new Endpoint("GET", "/api/sectors", "registrar", "", false),
                new Endpoint("GET", "/api/me", "signatory-xju", "", false),
                new Endpoint("POST", "/api/agreements/import", "registrar", "title,kind,sector,amount,currency,"
                        + "occasion,proposed_on,party1_id,party1_name,party1_type,party1_city,party1_country,party2_id,"
                        + "party2_name,party2_type,party2_city,party2_country\nFuzzed list,TALENT,BIOMEDICINE,5.00,CNY,"
                        + "Fuzzing,2024-08-22,CN-URUMQI-XJU,XJU,UNIVERSITY,Urumqi,CN,KZ-ALMATY-KBTU,KBTU,UNIVERSITY,"
                        + "Almaty,KZ\n", true),
                // the web app's sign-in form, outside the API's contract
                new Endpoint("POST", "/sign-in", "registrar", "username=fuzz-registrar&password=wrong", true));
    }

    private Request mutate(Endpoint endpoint) {
        Request request = new Request(endpoint);
        int kinds = 1 + random.nextInt(2);
        for (int i = 0; i < kinds; i++) {
            int kind = random.nextInt(10);
            if (kind < 5 && (endpoint.mutateBody || endpoint.method.equals("GET"))) {
                request.body = mutateBody(endpoint.body.getBytes(StandardCharsets.UTF_8));
            } else if (kind < 5) {
                request.setHeader("Content-Type", pick(List.of("text/plain", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "*/*", "application/*")));
            } else if (kind < 7) {
                mutateHeaders(request);
            } else if (kind < 9) {
                request.target = mutateTarget(endpoint.path);
            } else {
                mutateCredentials(request);
            }
        }
        return request;
    }

    /** No credentials of its own: a session cookie and a CSRF token, made up or mangled, as a browser might send. */
    private void actAsABrowser(Request request) {
        request.removeHeader("Authorization");
        String token = pick(List.of("x", "", "a".repeat(3000), "\u00e9", UUID.randomUUID().toString()));
        request.setHeader("Cookie", pick(List.of("JSESSIONID=" + UUID.randomUUID() + "; XSRF-TOKEN=" + token,
                "JSESSIONID=; XSRF-TOKEN=", "XSRF-TOKEN=" + token, "JSESSIONID=" + "9".repeat(5000), "=;;=")));
        if (random.nextBoolean()) {
            request.setHeader("X-XSRF-TOKEN", pick(List.of(token, "other", "")));
        }
        if (random.nextBoolean()) {
            request.setHeader("X-Requested-With", "XMLHttpRequest");
        }
    }

    private byte[] mutateBody(byte[] valid) {
        String json = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(16)) {
            case 0 -> insert(valid, pick(List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xED, (byte) 0xA0,
                    (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{0})));
            case 1 -> replaceAString(json, pick(List.of("\"\\ud800\"", "\"\\udfff x\"", "\"a\\u0000b\"", "\"\\u001b[31m\"",
                    "\"\\ud83d\\ude00\"", "\"" + "x".repeat(70_000) + "\"", "\"\"", "\" \"")));
            case 2 -> replaceAValue(json, pick(List.of("1E+2147483647", "-1E-2147483647", "1" + "0".repeat(5000),
                    "1e999999999", "-0.0", "NaN", "12345", "true", "null", "[]", "{}", "0.000000001", "-5")));
            case 3 -> bytes("[".repeat(5000) + "]".repeat(5000));
            case 4 -> bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
            case 5 -> bytes(json + pick(List.of("}}}", " x", "{}", "\u0000", ",")));
            case 6 -> bytes(json.substring(0, random.nextInt(json.length() + 1)));
            case 7 -> bytes(json.replaceFirst("\\{", "{\"title\": \"a\", ").replaceFirst("\\{", "{\"title\": \"b\", "));
            case 8 -> new byte[0];
            case 9 -> bytes(pick(List.of("null", "[]", "\"text\"", "42", "true", "not json", "<xml/>", "a=b&c=d")));
            case 10 -> flipBytes(valid);
            case 11 -> bytes(json.replace("2024-08-2", pick(List.of("19950", "\"2024-02-30", "\"99999-01-0", "\"2024-8-2"))));
            case 12 -> bytes(json.replace("\"TECHNOLOGY\"", pick(List.of("1", "\"technology\"", "\"\"", "null"))));
            case 13 -> bytes(json.replace("12500000.00", pick(List.of("1E+999", "0.001", "-1.00", "1e2", "12500000.000"))));
            case 14 -> insert(valid, bytes("\"extra\": " + pick(List.of("1", "{}", "\"x\"")) + ", "));
            default -> bytes(json.replace(":", pick(List.of("::", " : ", ":\u00a0"))));
        };
    }

    private void mutateHeaders(Request request) {
        switch (random.nextInt(8)) {
            case 0 -> request.setHeader("Content-Type", pick(List.of("*/*", "application/*", "text/plain",
                    "application/json; charset=ISO-8859-1", "application/json;;", "application/jso\u00f1",
                    "application/x-www-form-urlencoded", "")));
            case 1 -> request.setRawHeader(bytes("Idempotency-Key: "), pick(List.of(bytes("a\u0001b"), new byte[]{'k', 0},
                    bytes("x".repeat(300)), bytes(" "), bytes("caf\u00e9"), new byte[]{(byte) 0xFF, (byte) 0xFE},
                    bytes("ok-" + random.nextInt()))));
            case 2 -> request.setRawHeader(bytes("X-Correlation-Id: "), pick(List.of(bytes("a\u0001b"), new byte[]{'c', 0},
                    bytes("y".repeat(5000)), bytes("\u00e9"), new byte[]{(byte) 0x80})));
            case 3 -> request.headers.add(bytes("X-Ledger-" + random.nextInt(100) + ": " + "z".repeat(random.nextInt(9000))));
            case 4 -> request.headers.add(new byte[]{'X', '-', 'B', 'a', 'd', ':', ' ', (byte) random.nextInt(32)});
            case 5 -> request.setHeader("Accept", pick(List.of("text/html", "application/xml", "*/*", "image/png",
                    "application/problem+json", "application/json;q=0")));
            case 6 -> request.headers.add(bytes("Transfer-Encoding: " + pick(List.of("gzip", "chunked, gzip", "x"))));
            default -> request.headers.add(bytes(pick(List.of("Bad Header Name: x", ": empty name", "NoColon",
                    "Content-Length: 5"))));
        }
    }

    private byte[] mutateTarget(String path) {
        String id = "00000000-0000-0000-0000-000000000000";
        return bytes(switch (random.nextInt(10)) {
            case 0 -> path.replaceFirst("[0-9a-f]{8}-[0-9a-f-]{27}", pick(List.of("not-a-uuid", "%00", "..%2F..%2Fx",
                    id, "1", "%ZZ", "%C3%28", "%ED%A0%80", "x".repeat(3000))));
            case 1 -> path + pick(List.of(";jsessionid=x", "/", "//", "/..", "%2e%2e/", "?%00", "#frag"));
            case 2 -> path + (path.contains("?") ? "&" : "?") + pick(List.of("after=-1", "limit=0", "limit=99999999999",
                    "size=-5", "page=2147483648", "year=x", "by=city,city", "by=nope", "stage=x", "kind=1", "city=%00",
                    "city=%01", "status=nope", "until=-9", "after=1e3", "x=" + "y".repeat(10_000), "a=%"));
            case 3 -> "/api/agreements/" + id + "/" + pick(List.of("signatures", "history", "unknown", "certificate"));
            case 4 -> pick(List.of("/error", "/api", "/api/", "/", "/index.html", "/api/ledger/verifyy", "/actuator"));
            case 5 -> path.replace("/api/", "/API/");
            case 6 -> path.replace("/", "\\");
            case 7 -> "/" + "a/".repeat(500);
            case 8 -> path + "\u00e9";
            default -> path.replace("api", "%61pi");
        });
    }

    private void mutateCredentials(Request request) {
        if (random.nextInt(3) == 0) {
            actAsABrowser(request);
            return;
        }
        request.setHeader("Authorization", pick(List.<Supplier<String>>of(
                // a name of its own: locking out a real user would refuse the other tests sharing this service
                () -> "Basic " + Base64.getEncoder().encodeToString(bytes("fuzz-" + request.user + ":wrong")),
                () -> "Basic not-base64!",
                () -> "Basic " + Base64.getEncoder().encodeToString(bytes("no-colon")),
                () -> "Basic " + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xFF, ':', 0}),
                () -> "Bearer " + "e".repeat(random.nextInt(200)),
                () -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
                () -> "Bearer " + token(request.user, Map.of()),
                () -> "Bearer " + token(request.user, Map.of("sub", pick(List.of("x".repeat(300), "a\u0000b",
                        "\ud800", "", " ", "line\nbreak")))),
                () -> "Bearer " + token(request.user, Map.of("exp", pick(List.<Object>of(-1, "tomorrow",
                        Long.MAX_VALUE, 253402300799L, List.of(1))))),
                () -> "Bearer " + token(request.user, Map.of("roles", pick(List.<Object>of("REGISTRAR", 1,
                        List.of(1, 2), Map.of("a", "b"), List.of("ADMIN\u0000"), List.of("x".repeat(5000)))))),
                () -> "Bearer " + token(request.user, Map.of("party_id", pick(List.<Object>of(123, "\u0000",
                        "p".repeat(5000), List.of("CN-URUMQI-XJU"), Map.of())))),
                () -> "Digest x",
                () -> "")).get());
    }

    /** A token from the trusted provider with the user's roles (and party), some claims replaced. */
    private static String token(String user, Map<String, Object> replaced) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "fuzz-" + user);
        claims.put("exp", Date.from(Instant.now().plusSeconds(300)));
        claims.put("roles", List.of(switch (user) {
            case "signatory-xju", "signatory-kbtu" -> "SIGNATORY";
            default -> user.toUpperCase(Locale.ROOT);
        }));
        if (user.startsWith("signatory-")) {
            claims.put("party_id", user.equals("signatory-xju") ? "CN-URUMQI-XJU" : "KZ-ALMATY-KBTU");
        }
        claims.putAll(replaced);
        return TestIdentityProvider.token(TestIdentityProvider.KEY, claims);
    }

    private byte[] insert(byte[] into, byte[] what) {
        int at = random.nextInt(into.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(into, 0, at);
        out.writeBytes(what);
        out.write(into, at, into.length - at);
        return out.toByteArray();
    }

    private byte[] flipBytes(byte[] valid) {
        byte[] flipped = valid.clone();
        for (int i = 0; i < 1 + random.nextInt(4) && flipped.length > 0; i++) {
            flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
        }
        return flipped;
    }

    private byte[] replaceAString(String json, String replacement) {
        List<int[]> strings = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(":\\s*(\"[^\"]*\")").matcher(json);
        while (matcher.find()) {
            strings.add(new int[]{matcher.start(1), matcher.end(1)});
        }
        if (strings.isEmpty()) {
            return bytes(json);
        }
        int[] chosen = pick(strings);
        return bytes(json.substring(0, chosen[0]) + replacement + json.substring(chosen[1]));
    }

    private byte[] replaceAValue(String json, String replacement) {
        List<int[]> values = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(":\\s*(\"[^\"]*\"|\\[|\\{)").matcher(json);
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("[") && !matcher.group(1).startsWith("{")) {
                values.add(new int[]{matcher.start(1), matcher.end(1)});
            }
        }
        if (values.isEmpty()) {
            return bytes(replacement);
        }
        int[] chosen = pick(values);
        return bytes(json.substring(0, chosen[0]) + replacement + json.substring(chosen[1]));
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One request as it goes on the wire. */
    private static final class Request {

        private final String method;
        private final String user;
        private byte[] target;
        private final List<byte[]> headers = new ArrayList<>();
        private byte[] body;

        Request(Endpoint endpoint) {
            method = endpoint.method;
            user = endpoint.user;
            target = bytes(endpoint.path);
            body = bytes(endpoint.body);
            setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    bytes(endpoint.user + ":" + LedgerClient.PASSWORDS.get(endpoint.user))));
            if (method.equals("POST")) {
                setHeader("Content-Type", endpoint.path.equals("/api/agreements/import") ? "text/csv"
                        : endpoint.path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded");
            }
        }

        void removeHeader(String name) {
            String prefix = name.toLowerCase() + ":";
            headers.removeIf(header -> new String(header, StandardCharsets.ISO_8859_1).toLowerCase().startsWith(prefix));
        }

        void setHeader(String name, String value) {
            setRawHeader(bytes(name + ": "), bytes(value));
        }

        void setRawHeader(byte[] nameAndColon, byte[] value) {
            String prefix = new String(nameAndColon, StandardCharsets.ISO_8859_1).toLowerCase();
            headers.removeIf(header -> new String(header, StandardCharsets.ISO_8859_1).toLowerCase().startsWith(prefix));
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.writeBytes(nameAndColon);
            header.writeBytes(value);
            headers.add(header.toByteArray());
        }

        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shorten(target));
            headers.forEach(header -> text.append("\n  ").append(shorten(header)));
            return text.append("\n  body: ").append(shorten(body)).toString();
        }

        private static String shorten(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " bytes)" : text;
        }
    }
}
