package org.agreementledger.api.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import static org.agreementledger.api.security.LedgerRole.ADMIN;
import static org.agreementledger.api.security.LedgerRole.ANALYST;
import static org.agreementledger.api.security.LedgerRole.AUDITOR;
import static org.agreementledger.api.security.LedgerRole.CERTIFIER;
import static org.agreementledger.api.security.LedgerRole.REGISTRAR;
import static org.agreementledger.api.security.LedgerRole.SIGNATORY;

/** The brief's role table as request rules: the same for API clients and for people in the web app. */
final class LedgerAccessRules {

    private LedgerAccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        // an asynchronous answer's later dispatches (a stream's end) belong to a request already let in
        requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers("/error", "/actuator/health", "/actuator/health/**").permitAll()
                // the HTTP contract, for anyone about to use it
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**").permitAll()
                // what a log publishes for anyone to keep and check: its checkpoint and key
                .requestMatchers(HttpMethod.GET, "/api/ledger/checkpoint", "/api/ledger/public-key").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/agreements", "/api/agreements/import").hasRole(REGISTRAR.name())
                .requestMatchers(HttpMethod.POST, "/api/agreements/*/withdrawal").hasRole(REGISTRAR.name())
                .requestMatchers(HttpMethod.POST, "/api/agreements/*/signatures",
                        "/api/agreements/*/declines").hasRole(SIGNATORY.name())
                // signers: a party's signatories, and the certifier for the certifying authority
                .requestMatchers(HttpMethod.GET, "/api/agreements/*/signing-intent")
                .hasAnyRole(SIGNATORY.name(), CERTIFIER.name())
                .requestMatchers(HttpMethod.POST, "/api/parties/*/signer-keys").hasAnyRole(SIGNATORY.name(), CERTIFIER.name())
                .requestMatchers(HttpMethod.GET, "/api/parties/*/signer-keys/*/approval-intent",
                        "/api/parties/*/signer-keys/passkey-options").hasAnyRole(SIGNATORY.name(), CERTIFIER.name())
                // the certifier approves a key; a signatory of the party, with another approved key's signature
                .requestMatchers(HttpMethod.POST, "/api/parties/*/signer-keys/*/approval")
                .hasAnyRole(SIGNATORY.name(), CERTIFIER.name())
                .requestMatchers(HttpMethod.POST, "/api/parties/*/signer-keys/*/revocation")
                .hasAnyRole(SIGNATORY.name(), CERTIFIER.name())
                .requestMatchers(HttpMethod.POST, "/api/agreements/*/certification",
                        "/api/agreements/*/certification/revocation").hasRole(CERTIFIER.name())
                .requestMatchers(HttpMethod.GET, "/api/agreements/*/history",
                        "/api/agreements/*/certificate").hasAnyRole(AUDITOR.name(), ADMIN.name())
                .requestMatchers("/api/ledger/**").hasAnyRole(AUDITOR.name(), ADMIN.name())
                .requestMatchers("/api/admin/**", "/actuator/**").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/totals/**")
                .hasAnyRole(ANALYST.name(), AUDITOR.name(), ADMIN.name())
                .anyRequest().authenticated();
    }
}
