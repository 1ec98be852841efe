package org.agreementledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Optional;

/**
 * The authenticated principal as the ledger sees it: its name (recorded as the actor of every
 * event it causes) and, for a signatory, the one party it may sign for.
 */
public record Actor(String name, Optional<String> partyId) {

    /** The authority that binds a principal to a party, whatever authenticated it. */
    public static final String PARTY_AUTHORITY_PREFIX = "PARTY_";

    public static Actor of(Authentication authentication) {
        Optional<String> partyId = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PARTY_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(PARTY_AUTHORITY_PREFIX.length()))
                .findFirst();
        return new Actor(authentication.getName(), partyId);
    }

    public boolean mayActFor(String party) {
        return partyId.map(own -> own.equals(party)).orElse(false);
    }
}
