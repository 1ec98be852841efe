package org.agreementledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.api.operations.RequestLogFilter;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.problem.Refusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.agreementledger.api.security.LedgerRole.ADMIN;
import static org.agreementledger.api.security.LedgerRole.ANALYST;
import static org.agreementledger.api.security.LedgerRole.AUDITOR;
import static org.agreementledger.api.security.LedgerRole.CERTIFIER;
import static org.agreementledger.api.security.LedgerRole.REGISTRAR;
import static org.agreementledger.api.security.LedgerRole.SIGNATORY;

/**
 * Every request is authenticated: HTTP Basic against the configured users, and, when an issuer or
 * JWK set is configured, OAuth2 bearer tokens. Who may do what is the brief's role table.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, ProblemSecurityHandler problems,
                                       ObjectProvider<JwtDecoder> jwtDecoder,
                                       LedgerSecurityProperties properties) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // no cookies or sessions: nothing for a forged request to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
                        // the HTTP contract, for anyone about to use it
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        // what a log publishes for anyone to keep and check: its checkpoint and key
                        .requestMatchers(HttpMethod.GET, "/api/ledger/checkpoint", "/api/ledger/public-key").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/agreements").hasRole(REGISTRAR.name())
                        .requestMatchers(HttpMethod.POST, "/api/agreements/*/withdrawal").hasRole(REGISTRAR.name())
                        .requestMatchers(HttpMethod.POST, "/api/agreements/*/signatures",
                                "/api/agreements/*/declines").hasRole(SIGNATORY.name())
                        .requestMatchers(HttpMethod.POST, "/api/agreements/*/certification",
                                "/api/agreements/*/certification/revocation").hasRole(CERTIFIER.name())
                        .requestMatchers(HttpMethod.GET, "/api/agreements/*/history",
                                "/api/agreements/*/certificate").hasAnyRole(AUDITOR.name(), ADMIN.name())
                        .requestMatchers("/api/ledger/**").hasAnyRole(AUDITOR.name(), ADMIN.name())
                        .requestMatchers("/api/admin/**", "/actuator/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/totals/**")
                        .hasAnyRole(ANALYST.name(), AUDITOR.name(), ADMIN.name())
                        .anyRequest().authenticated())
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
