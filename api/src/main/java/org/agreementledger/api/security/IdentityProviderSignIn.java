package org.agreementledger.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * People sign in to the web app through the organisation's identity provider (OpenID Connect, in
 * production), with the same roles and party as its bearer tokens give API clients: read from the
 * ID token's claims. Present only when {@code ledger.security.oidc.client-id} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.security.oidc", name = "client-id")
class IdentityProviderSignIn {

    /** Where the sign-in page sends a person to sign in at the identity provider. */
    static final String START = "/oauth2/authorization/" + OidcSignInProperties.REGISTRATION_ID;

    @Bean
    ClientRegistrationRepository identityProviderRegistration(OidcSignInProperties oidc) {
        ClientRegistration.Builder registration = oidc.discovered()
                ? ClientRegistrations.fromIssuerLocation(oidc.issuerUri()).registrationId(OidcSignInProperties.REGISTRATION_ID)
                : ClientRegistration.withRegistrationId(OidcSignInProperties.REGISTRATION_ID)
                .authorizationUri(oidc.authorizationUri())
                .tokenUri(oidc.tokenUri())
                .jwkSetUri(oidc.jwkSetUri())
                .issuerUri(oidc.issuerUri())
                .userNameAttributeName(IdTokenClaimNames.SUB);
        return new InMemoryClientRegistrationRepository(registration
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .build());
    }

    /** Adds the sign-in through the identity provider to the web app's filter chain. */
    static void configure(HttpSecurity http, LedgerSecurityProperties properties) throws Exception {
        JwtAuthoritiesConverter claims = new JwtAuthoritiesConverter(properties.jwtRolesClaim(),
                properties.jwtPartyClaim());
        OidcUserService provider = new OidcUserService();
        OAuth2UserService<OidcUserRequest, OidcUser> ledgerUsers = request -> {
            OidcUser user = provider.loadUser(request);
            return new DefaultOidcUser(claims.authoritiesOf(user.getIdToken()), user.getIdToken(), user.getUserInfo(),
                    IdTokenClaimNames.SUB);
        };
        SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
        backToThePage.setRequestCache(BrowserSignIn.pagesOnly());
        http.oauth2Login(login -> login.loginPage(BrowserSignIn.SIGN_IN_PAGE)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(ledgerUsers))
                .successHandler(backToThePage)
                .failureHandler(new SimpleUrlAuthenticationFailureHandler(BrowserSignIn.SIGN_IN_PAGE + "?refused")));
    }
}
