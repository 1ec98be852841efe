package org.agreementledger.api.security;

import org.springframework.security.core.Authentication;

/** The roles of the brief; each maps to the Spring Security authority {@code ROLE_<name>}. */
public enum LedgerRole {
    REGISTRAR,
    SIGNATORY,
    CERTIFIER,
    AUDITOR,
    ANALYST,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the authenticated principal holds this role. */
    public boolean heldBy(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(granted -> authority().equals(granted.getAuthority()));
    }
}
