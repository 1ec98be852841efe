package org.agreementledger.projections.reconciliation;

import org.agreementledger.projections.totals.BucketKey;
import org.agreementledger.projections.totals.Tally;

/** A bucket of totals whose read model tally differs from the one recomputed from the events. */
public record BucketDifference(BucketKey bucket, Tally recomputed, Tally readModel) {
}
