package org.agreementledger.projections.totals;

/** How often one agreement counts in a bucket of totals: once, once per country, or once per city. */
public enum Grain {
    /** Once per agreement. */
    AGREEMENT,
    /** Once per distinct country among its parties. */
    COUNTRY,
    /** Once per distinct (city, country) among its parties. */
    CITY
}
