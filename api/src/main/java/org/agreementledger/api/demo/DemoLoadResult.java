package org.agreementledger.api.demo;

/** What a load of the demo data set did: the agreements it wrote and those it found already there. */
public record DemoLoadResult(String occasion, int agreementsInDataSet, int agreementsWritten,
                             int agreementsAlreadyPresent) {
}
