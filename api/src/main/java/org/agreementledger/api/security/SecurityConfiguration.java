package org.agreementledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.operations.RequestLogFilter;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.problem.Refusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


/**
 * Every request is authenticated: API clients by HTTP Basic against the configured users or, when
 * an issuer or JWK set is configured, by OAuth2 bearer tokens; people in the web app by signing in
 * with a form. Who may do what is the brief's role table ({@link LedgerAccessRules}), the same for both.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * API clients: every request that carries credentials of its own (HTTP Basic or a bearer token)
     * is authenticated by them alone, with no session and so no cookie for a forged request to ride on.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandler problems,
                                    ObjectProvider<JwtDecoder> jwtDecoder,
                                    LedgerSecurityProperties properties) throws Exception {
        http.securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(LedgerAccessRules::apply)
                .addFilterAfter(new RequestLogFilter(), SecurityContextHolderFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(
                    new JwtAuthoritiesConverter(properties.jwtRolesClaim(), properties.jwtPartyClaim()));
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(new CheckedBearerTokens(decoder)).jwtAuthenticationConverter(converter)));
        }
        return http.build();
    }

    /**
     * The web app: people sign in with a form (the configured users) or through the organisation's
     * identity provider ({@link IdentityProviderSignIn}) and are kept signed in by a server session; every
     * state-changing request made with that session carries the CSRF token. Requests without
     * credentials or session meet the same rules and answers as API clients.
     */
    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http, ProblemSecurityHandler problems, BrowserSignIn signIn,
                                        ObjectProvider<ClientRegistrationRepository> identityProvider,
                                        LedgerSecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.csrfTokenRepository(BrowserSignIn.csrfTokens())
                        .csrfTokenRequestHandler(BrowserSignIn.csrfTokenOnEveryAnswer())
                        .requireCsrfProtectionMatcher(BrowserSignIn::needsCsrfToken))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(BrowserSignIn.pagesOnly()))
                .authorizeHttpRequests(requests -> LedgerAccessRules.apply(requests
                        .requestMatchers(HttpMethod.GET, BrowserSignIn.PUBLIC_ASSETS).permitAll()))
                .addFilterAfter(new RequestLogFilter(), SecurityContextHolderFilter.class)
                .formLogin(form -> form.loginPage(BrowserSignIn.SIGN_IN_PAGE)
                        .loginProcessingUrl(BrowserSignIn.SIGN_IN)
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                .logout(logout -> logout.logoutUrl(BrowserSignIn.SIGN_OUT)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(BrowserSignIn.redirectToSignIn(), BrowserSignIn::isPage)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems));
        if (identityProvider.getIfAvailable() != null) {
            IdentityProviderSignIn.configure(http, properties);
        }
        return http.build();
    }

    /**
     * The configured users' passwords, checked against their hashes, with recently verified ones
     * remembered, and wrong ones throttled per user.
     */
    @Bean
    AuthenticationProvider configuredUsersAuthentication(LedgerSecurityProperties properties,
                                                         PasswordEncoder passwordEncoder,
                                                         @Value("${ledger.security.verified-credentials-ttl:PT5M}")
                                                         Duration verifiedCredentialsTtl) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(configuredUsers(properties));
        passwordCheck.setPasswordEncoder(passwordEncoder);
        return new LoginThrottle(new VerifiedCredentialsCache(passwordCheck, verifiedCredentialsTtl, Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** The security firewall's refusals (an encoded slash, a semicolon in the path...) as problem answers. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper objectMapper) {
        return (request, response, rejected) -> Problems.write(response, Refusals.problemFor(rejected).orElseThrow(),
                objectMapper);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static UserDetailsService configuredUsers(LedgerSecurityProperties properties) {
        List<UserDetails> users = properties.users().stream().map(SecurityConfiguration::toUserDetails).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails toUserDetails(LedgerSecurityProperties.ConfiguredUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (user.partyId() != null && !user.partyId().isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Actor.PARTY_AUTHORITY_PREFIX + user.partyId()));
        }
        return User.withUsername(user.username()).password(user.password()).authorities(authorities).build();
    }
}
