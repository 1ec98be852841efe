package org.agreementledger.projections.totals;

import java.util.Comparator;

/** A city is known by its name and its country: Almaty, KZ. */
public record Place(String city, String country) implements Comparable<Place> {

    private static final Comparator<Place> ORDER = Comparator.comparing(Place::country).thenComparing(Place::city);

    @Override
    public int compareTo(Place other) {
        return ORDER.compare(this, other);
    }
}
