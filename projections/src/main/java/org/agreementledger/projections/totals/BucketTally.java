package org.agreementledger.projections.totals;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stage changes summed per bucket. The projection collects a batch's changes in one before writing
 * them in lock order; the reconciliation sums the whole event store in one.
 */
public final class BucketTally {

    /** Hashed, not sorted, while counting: a batch counts far more often than it writes. */
    private final Map<BucketKey, Tally> tallies = new HashMap<>();

    public void count(Iterable<StageChange> changes, TotalsFacts facts) {
        for (StageChange change : changes) {
            BigDecimal direction = BigDecimal.valueOf(change.direction());
            Tally delta = new Tally(change.direction(), facts.value().amount().multiply(direction));
            facts.bucketsAt(change.stage(), change.year()).forEach(key -> tallies.merge(key, delta, Tally::plus));
        }
    }

    /** The buckets whose tally is not zero, in lock order. */
    public SortedMap<BucketKey, Tally> nonZero() {
        SortedMap<BucketKey, Tally> nonZero = new TreeMap<>(tallies);
        nonZero.values().removeIf(Tally::isZero);
        return Collections.unmodifiableSortedMap(nonZero);
    }
}
