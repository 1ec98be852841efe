package org.agreementledger.ledger.domain;

/** The party named by the command is not listed on the agreement. */
public class UnknownPartyException extends LedgerRuleViolation {

    public UnknownPartyException(String partyId) {
        super("partyId", "party '" + partyId + "' is not a party to this agreement");
    }

    @Override
    public String code() {
        return "unknown-party";
    }
}
