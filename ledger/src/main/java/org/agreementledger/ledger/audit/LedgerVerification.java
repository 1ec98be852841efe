package org.agreementledger.ledger.audit;

/**
 * The result of verifying the ledger through a global position.
 *
 * @param intact          every chain, every recorded digest and the Merkle log matched
 * @param throughPosition the events verified are those at or before this global position
 * @param eventsChecked   events found to match, up to the first mismatch
 * @param chainsChecked   chains (agreements) seen, up to the first mismatch
 * @param digestsChecked  recorded digests recomputed and compared
 * @param leavesChecked   leaves of the Merkle log recomputed from their events and compared
 * @param checkpointsChecked signed checkpoints (in the database and copies outside it) whose roots were
 *                        compared with the recomputed tree's
 * @param currentDigest   the {@link LedgerDigest} of all chain heads through {@code throughPosition};
 *                        null when the ledger is not intact
 * @param firstMismatch   the first event that does not match, in global order, or when every event
 *                        matches the first recorded digest that does not, or the first that covers more
 *                        than the ledger holds; null when intact
 */
public record LedgerVerification(boolean intact,
                                 long throughPosition,
                                 long eventsChecked,
                                 int chainsChecked,
                                 int digestsChecked,
                                 long leavesChecked,
                                 int checkpointsChecked,
                                 String currentDigest,
                                 LedgerMismatch firstMismatch) {
}
