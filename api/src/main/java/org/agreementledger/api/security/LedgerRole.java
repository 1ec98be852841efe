package org.agreementledger.api.security;

/** The roles of the brief; each maps to the Spring Security authority {@code ROLE_<name>}. */
enum LedgerRole {
    REGISTRAR,
    SIGNATORY,
    CERTIFIER,
    AUDITOR,
    ANALYST,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
