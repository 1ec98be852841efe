package org.agreementledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation's identity provider, for people signing in to the web app (OpenID Connect,
 * authorization code flow): the client the ledger is registered as, and where the provider is.
 * With only {@code issuerUri}, its endpoints are read from its discovery document at start; the
 * roles and party come from the ID token's claims named as for bearer tokens.
 *
 * @param clientId         the ledger's client id at the provider; none: no sign-in through it
 * @param authorizationUri where the browser is sent to sign in; with the two below, no discovery
 * @param tokenUri         where the ledger exchanges the code for the ID token
 * @param jwkSetUri        the provider's signing keys
 */
@ConfigurationProperties("ledger.security.oidc")
record OidcSignInProperties(String clientId, String clientSecret, String issuerUri, String authorizationUri,
                            String tokenUri, String jwkSetUri) {

    /** The registration id, which also names the sign-in path {@code /oauth2/authorization/{id}}. */
    static final String REGISTRATION_ID = "identity-provider";

    boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }

    boolean discovered() {
        return authorizationUri == null || authorizationUri.isBlank();
    }
}
