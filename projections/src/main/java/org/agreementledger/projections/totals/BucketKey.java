package org.agreementledger.projections.totals;

/**
 * One row of the pre-aggregated totals. Dimensions that are not part of the grain, and a missing
 * occasion, are {@code ""}. The natural order is the order in which writers lock rows, so that two
 * segments updating shared rows never wait on each other in a cycle.
 */
public record BucketKey(Grain grain, Stage stage, int year, String sector, String kind, String occasion,
                        String country, String city, String currency) implements Comparable<BucketKey> {

    public static final String NONE = "";

    /** Field by field, by hand: a rebuild and a reconciliation sort every bucket, a hundred thousand and more. */
    @Override
    public int compareTo(BucketKey other) {
        int order = grain.compareTo(other.grain);
        if (order == 0) {
            order = stage.compareTo(other.stage);
        }
        if (order == 0) {
            order = Integer.compare(year, other.year);
        }
        if (order == 0) {
            order = sector.compareTo(other.sector);
        }
        if (order == 0) {
            order = kind.compareTo(other.kind);
        }
        if (order == 0) {
            order = occasion.compareTo(other.occasion);
        }
        if (order == 0) {
            order = country.compareTo(other.country);
        }
        if (order == 0) {
            order = city.compareTo(other.city);
        }
        return order != 0 ? order : currency.compareTo(other.currency);
    }
}
