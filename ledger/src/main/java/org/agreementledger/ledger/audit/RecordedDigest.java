package org.agreementledger.ledger.audit;

import java.time.Instant;

/**
 * A ledger digest as it was recorded: the {@link LedgerDigest} of all chain heads as of a global
 * position, kept so that a later rewrite of any chain up to that position shows.
 *
 * @param id                    its number in the digest table
 * @param coversThroughPosition every event at or before this global position is covered
 * @param chainCount            how many chains (agreements) had events by then
 * @param digest                the hex SHA-256 defined by {@link LedgerDigest}
 * @param recordedAt            when it was recorded
 */
public record RecordedDigest(long id, long coversThroughPosition, int chainCount, String digest, Instant recordedAt) {
}
