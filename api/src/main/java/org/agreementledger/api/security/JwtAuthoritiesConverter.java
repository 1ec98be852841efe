package org.agreementledger.api.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the ledger's roles and the signatory's party from a bearer token or an ID token of the
 * organisation's identity provider; claim names are configurable.
 */
class JwtAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String rolesClaim;
    private final String partyClaim;

    JwtAuthoritiesConverter(String rolesClaim, String partyClaim) {
        this.rolesClaim = rolesClaim;
        this.partyClaim = partyClaim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return authoritiesOf(jwt);
    }

    /** The ledger's authorities in any set of claims: a bearer token's, or an ID token's at sign-in. */
    Collection<GrantedAuthority> authoritiesOf(ClaimAccessor claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = claims.getClaimAsStringList(rolesClaim);
        if (roles != null) {
            roles.stream()
                    .filter(JwtAuthoritiesConverter::isLedgerRole)
                    .map(role -> new SimpleGrantedAuthority(LedgerRole.valueOf(role).authority()))
                    .forEach(authorities::add);
        }
        String party = claims.getClaimAsString(partyClaim);
        if (party != null && !party.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(Actor.PARTY_AUTHORITY_PREFIX + party));
        }
        return authorities;
    }

    private static boolean isLedgerRole(String role) {
        for (LedgerRole known : LedgerRole.values()) {
            if (known.name().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
