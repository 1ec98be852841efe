package org.agreementledger.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo data set of the 2024 Urumqi conference: an invented breakdown (its {@code notice} says
 * so) whose totals match the published figures, with the agreements the conference report names.
 */
record DemoDataSet(String notice, String occasion, List<DemoAgreement> agreements) {

    public static final String RESOURCE = "/demo/urumqi-2024.json";

    public static DemoDataSet read(ObjectMapper json) {
        try (InputStream in = DemoDataSet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo data set " + RESOURCE + " is not on the class path");
            }
            return json.readValue(in, DemoDataSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo data set " + RESOURCE + " cannot be read", e);
        }
    }
}
