package org.agreementledger.ledger.domain;

/** A business date lies before the date it must follow, or in the future. */
public class BusinessDateOutOfRangeException extends LedgerRuleViolation {

    public BusinessDateOutOfRangeException(String field, String message) {
        super(field, message);
    }

    @Override
    public String code() {
        return "business-date-out-of-range";
    }
}
