package org.agreementledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Set;

/**
 * Users from configuration, for development and the embedded default (HTTP Basic). Passwords
 * are stored hashed, with their encoder's prefix, e.g. {@code {bcrypt}$2a$10$...}.
 */
@ConfigurationProperties("ledger.security")
record LedgerSecurityProperties(List<ConfiguredUser> users, String jwtRolesClaim, String jwtPartyClaim) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwtRolesClaim = jwtRolesClaim == null ? "roles" : jwtRolesClaim;
        jwtPartyClaim = jwtPartyClaim == null ? "party_id" : jwtPartyClaim;
    }

    /** One configured user; a signatory names the one party id it signs for. */
    public record ConfiguredUser(String username, String password, Set<LedgerRole> roles, String partyId) {

        public ConfiguredUser {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("a configured user needs a username and a hashed password");
            }
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            if (roles.contains(LedgerRole.SIGNATORY) && (partyId == null || partyId.isBlank())) {
                throw new IllegalArgumentException("signatory '" + username + "' must be bound to a party id");
            }
        }
    }
}
