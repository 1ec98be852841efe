package org.agreementledger.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider for tests, on a port of its own: its sign-in page signs in at once the
 * person it was told to ({@link #signInAs}) and sends the browser back with a code; its token
 * endpoint answers that code with an ID token (signed, with the nonce the ledger sent, the person's
 * claims); its key set serves the public key. Just the authorization code flow, nothing more.
 */
public final class FakeOpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "agreement-ledger";
    public static final String CLIENT_SECRET = "ledger-secret";
    private static final String KEY_ID = "test-key";

    private final KeyPair key = TestIdentityProvider.rsaKeyPair();
    private final HttpServer server;
    private final Map<String, Map<String, Object>> claimsByCode = new ConcurrentHashMap<>();
    private volatile Map<String, Object> person = Map.of();

    public FakeOpenIdProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::keys);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next person to sign in: their subject and the other claims of their ID token. */
    public void signInAs(String subject, Map<String, Object> claims) {
        Map<String, Object> next = new HashMap<>(claims);
        next.put("sub", subject);
        person = next;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = parameters(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        Map<String, Object> claims = new HashMap<>(person);
        claims.put("nonce", query.get("nonce"));
        claimsByCode.put(code, claims);
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, Object> claims = claimsByCode.remove(form.get("code"));
        if (claims == null) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"scope\":\"openid\",\"id_token\":\"" + idToken(claims) + "\"}");
    }

    private void keys(HttpExchange exchange) throws IOException {
        RSAKey publicKey = new RSAKey.Builder((RSAPublicKey) key.getPublic()).keyID(KEY_ID).build();
        respond(exchange, 200, new JWKSet(publicKey).toString());
    }

    private String idToken(Map<String, Object> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of(CLIENT_ID))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID)
                    .type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded == null) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The address of its sign-in page, token endpoint and key set. */
    public URI endpoint(String path) {
        return URI.create(issuer() + path);
    }
}
