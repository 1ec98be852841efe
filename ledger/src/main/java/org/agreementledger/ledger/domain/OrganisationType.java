package org.agreementledger.ledger.domain;

/** What kind of organisation a party is. */
public enum OrganisationType {
    ENTERPRISE,
    UNIVERSITY,
    RESEARCH_INSTITUTE,
    ALLIANCE,
    GOVERNMENT_BODY,
    INCUBATOR
}
