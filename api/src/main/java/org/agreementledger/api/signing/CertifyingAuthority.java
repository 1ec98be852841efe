package org.agreementledger.api.signing;

import org.agreementledger.api.security.Actor;
import org.agreementledger.api.security.LedgerRole;
import org.agreementledger.api.security.PartyNotYoursException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The certifying authority as a signer: its keys are registered, approved and revoked in the same
 * registry as the parties', under its own id ({@code ledger.certification.authority-id}), and its
 * accounts (the CERTIFIER role) act for it as a signatory acts for its party.
 */
@Component
public class CertifyingAuthority {

    private final String id;

    CertifyingAuthority(@Value("${ledger.certification.authority-id}") String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Refuses a principal that may not act for the signer: its party's signatory, or the authority's certifier. */
    public void requireMayActFor(Authentication authentication, String signerId) {
        if (id.equals(signerId) && LedgerRole.CERTIFIER.heldBy(authentication)) {
            return;
        }
        PartyNotYoursException.requireMayActFor(Actor.of(authentication), signerId);
    }
}
