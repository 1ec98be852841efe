package org.agreementledger.ledger.domain;

/** Where an agreement stands in its lifecycle. */
public enum AgreementStatus {
    PROPOSED,
    SIGNED,
    CERTIFIED,
    REVOKED,
    DECLINED,
    WITHDRAWN
}
