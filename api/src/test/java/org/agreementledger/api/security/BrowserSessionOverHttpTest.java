package org.agreementledger.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.support.Agreements;
import org.agreementledger.api.support.HttpContractTest;
import org.agreementledger.api.support.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's session as a browser holds it: cookies kept between requests, the CSRF token read
 * from its cookie and sent back in the header, and API clients still answered without a session.
 */
class BrowserSessionOverHttpTest extends HttpContractTest {

    private static final String CSRF_HEADER = "X-XSRF-TOKEN";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper objectMapper;
    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void freshBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void aPageAskedForBeforeSigningInLeadsToTheSignInPageAndBackAfterIt() throws Exception {
        HttpResponse<String> page = send(get("/agreements.html"));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in.html");
        assertThat(send(get("/sign-in.html")).statusCode()).isEqualTo(200);

        HttpResponse<String> signedIn = signIn("registrar");

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(json(signedIn).get("next").asText()).isEqualTo("/agreements.html");
    }

    @Test
    void aSignedInPersonActsThroughTheApiWithTheSessionAndTheCsrfToken() throws Exception {
        signIn("registrar");
        assertThat(json(send(get("/api/me"))).get("roles").toString()).isEqualTo("[\"REGISTRAR\"]");

        HttpResponse<String> proposed = send(post("/api/agreements", Agreements.proposal("1500000.00"), true));

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    }

    @Test
    void aSessionRequestWithoutTheCsrfTokenIsRefusedAndWritesNothing() throws Exception {
        signIn("registrar");
        long before = eventCount();

        HttpResponse<String> refused = send(post("/api/agreements", Agreements.proposal("1500000.00"), false));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:agreement-ledger:problem:csrf-token-invalid");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void signingInNeedsTheCsrfTokenTooSoThatNobodyCanSignAVisitorInAsSomeoneElse() throws Exception {
        send(get("/sign-in.html"));
        HttpResponse<String> refused = send(form("/sign-in", "username=registrar&password=registrar-pass", false));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(send(get("/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsAProblemAndSignsNobodyIn() throws Exception {
        send(get("/sign-in.html"));
        HttpResponse<String> refused = send(form("/sign-in", "username=registrar&password=guess", true));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:agreement-ledger:problem:unauthenticated");
        // the web app's own request is not challenged for Basic credentials: the browser would open a dialog
        HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).header("X-Requested-With", "XMLHttpRequest").build());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        signIn("auditor");
        assertThat(send(get("/api/me")).statusCode()).isEqualTo(200);

        assertThat(send(form("/sign-out", "", true)).statusCode()).isEqualTo(204);

        assertThat(send(get("/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHiddenFromScriptsAndFromOtherSites() throws Exception {
        send(get("/sign-in.html"));
        HttpResponse<String> signedIn = send(form("/sign-in", "username=analyst&password=analyst-pass", true));

        String sessionCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aSignedInRoleMeetsTheSameRulesAsOverTheApi() throws Exception {
        signIn("analyst");
        long before = eventCount();

        HttpResponse<String> refused = send(post("/api/agreements", Agreements.proposal("1.00"), true));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asText()).isEqualTo("urn:agreement-ledger:problem:forbidden");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void apiClientsWithCredentialsGetNoSessionAndNeedNoCsrfToken() {
        LedgerClient.Answer answer = client.post("registrar", "/api/agreements", Agreements.proposal("1.00"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers().getOrEmpty("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    private HttpResponse<String> signIn(String user) throws Exception {
        send(get("/sign-in.html"));
        String password = URLEncoder.encode(LedgerClient.PASSWORDS.get(user), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(form("/sign-in", "username=" + user + "&password=" + password, true));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String path, Map<String, ?> body, boolean withCsrfToken) throws IOException {
        return withCsrf(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(body))), withCsrfToken).build();
    }

    private HttpRequest form(String path, String body, boolean withCsrfToken) {
        return withCsrf(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), withCsrfToken).build();
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request, boolean withCsrfToken) {
        if (withCsrfToken) {
            request.header(CSRF_HEADER, cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie")));
        }
        return request.header("X-Requested-With", "XMLHttpRequest");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> answer) throws IOException {
        return objectMapper.readTree(answer.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
