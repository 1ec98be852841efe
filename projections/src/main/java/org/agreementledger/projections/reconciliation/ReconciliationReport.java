package org.agreementledger.projections.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * The read model compared with a recomputation from the event store, both read in one database
 * snapshot. Only the events the processor's tokens cover are recomputed, so the comparison is
 * exact even while the processor is behind; {@code eventsNotYetProcessed} says by how much.
 *
 * @param consistent whether no difference was found
 */
public record ReconciliationReport(boolean consistent,
                                   Instant checkedAt,
                                   long eventsInStore,
                                   long eventsCovered,
                                   long eventsNotYetProcessed,
                                   int bucketsCompared,
                                   int agreementsCompared,
                                   List<BucketDifference> bucketDifferences,
                                   List<AgreementDifference> agreementDifferences) {
}
