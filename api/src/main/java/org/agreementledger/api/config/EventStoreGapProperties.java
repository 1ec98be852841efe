package org.agreementledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the event processors' gap-aware tokens treat holes in the global event index. Transactions
 * take their index when they insert and may commit out of order, so a processor can see index 12
 * before 11 commits: its token then keeps 11 as a gap and every later poll asks for it again,
 * until the gap is given up. An event is missed only if its transaction commits more than
 * {@code gapTimeout} after the event was created, or after {@code maxGapOffset} later events have
 * been stored. Command transactions last milliseconds, so the timeout is set far beyond them (and
 * beyond clock skew between nodes). A longer timeout only costs longer poll queries while holes
 * left by rolled-back appends wait out the timeout; {@code gapCleaningThreshold} is how many gaps a
 * token collects before timed-out ones are cleaned away.
 */
@ConfigurationProperties("ledger.event-store")
record EventStoreGapProperties(Duration gapTimeout, Integer maxGapOffset, Integer gapCleaningThreshold) {

    public EventStoreGapProperties {
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(5) : gapTimeout;
        maxGapOffset = maxGapOffset == null ? 10_000 : maxGapOffset;
        gapCleaningThreshold = gapCleaningThreshold == null ? 250 : gapCleaningThreshold;
    }
}
