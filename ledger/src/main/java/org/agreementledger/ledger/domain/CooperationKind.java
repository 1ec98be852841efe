package org.agreementledger.ledger.domain;

/** The kind of cooperation an agreement records. */
public enum CooperationKind {
    INDUSTRY,
    TECHNOLOGY,
    TALENT
}
