package org.agreementledger.projections.totals;

import java.util.Comparator;

/**
 * One row of the pre-aggregated totals. Dimensions that are not part of the grain, and a missing
 * occasion, are {@code ""}. The natural order is the order in which writers lock rows, so that two
 * segments updating shared rows never wait on each other in a cycle.
 */
public record BucketKey(Grain grain, Stage stage, int year, String sector, String kind, String occasion,
                        String country, String city, String currency) implements Comparable<BucketKey> {

    public static final String NONE = "";

    private static final Comparator<BucketKey> LOCK_ORDER = Comparator.comparing(BucketKey::grain)
            .thenComparing(BucketKey::stage)
            .thenComparingInt(BucketKey::year)
            .thenComparing(BucketKey::sector)
            .thenComparing(BucketKey::kind)
            .thenComparing(BucketKey::occasion)
            .thenComparing(BucketKey::country)
            .thenComparing(BucketKey::city)
            .thenComparing(BucketKey::currency);

    @Override
    public int compareTo(BucketKey other) {
        return LOCK_ORDER.compare(this, other);
    }
}
