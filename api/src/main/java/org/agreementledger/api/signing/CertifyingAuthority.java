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

    /**
     * Refuses a principal that may not act for the signer: only the certifier acts for the
     * authority (a party bound to the same id does not), and only a party's signatory for its party.
     */
    public void requireMayActFor(Authentication authentication, String signerId) {
        if (!id.equals(signerId)) {
            PartyNotYoursException.requireMayActFor(Actor.of(authentication), signerId);
        } else if (!LedgerRole.CERTIFIER.heldBy(authentication)) {
            throw PartyNotYoursException.of(authentication.getName(), signerId);
        }
    }

    public boolean is(String signerId) {
        return id.equals(signerId);
    }
}
