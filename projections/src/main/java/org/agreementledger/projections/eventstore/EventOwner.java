package org.agreementledger.projections.eventstore;

import org.agreementledger.ledger.event.AgreementEvent;

/**
 * The aggregate an event belongs to: an agreement, whose events the read models take in, or
 * another (a party's signer key), whose events they pass by.
 */
public record EventOwner(String aggregateIdentifier, String aggregateType) {

    public boolean isAgreement() {
        return AgreementEvent.AGGREGATE_TYPE.equals(aggregateType);
    }
}
