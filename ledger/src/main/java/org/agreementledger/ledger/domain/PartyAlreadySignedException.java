package org.agreementledger.ledger.domain;

/** A party signs at most once, and does not decline what it has signed. */
public class PartyAlreadySignedException extends LedgerRuleViolation {

    public PartyAlreadySignedException(String partyId) {
        super("partyId", "party '" + partyId + "' has already signed this agreement");
    }

    @Override
    public String code() {
        return "already-signed";
    }
}
