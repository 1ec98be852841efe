package org.agreementledger.projections.rebuild;

import java.time.Instant;

/**
 * Where the last rebuild of the read models on this node stands.
 *
 * @param events          the events built into the tables aside so far
 * @param eventsPerSecond the build's rate, once it is built
 * @param message         why it failed, or {@code null}
 */
public record RebuildState(Phase phase, Instant startedAt, Instant finishedAt, long events, Long eventsPerSecond,
                           String message) {

    static final RebuildState NONE = new RebuildState(Phase.NONE, null, null, 0, null, null);

    public enum Phase {
        /** No rebuild since this node started. */
        NONE,
        /** The events are being projected into tables aside; readers read the tables in use. */
        BUILDING,
        /** The reconciliation compares the tables aside with a recomputation from the events. */
        CHECKING,
        /** The processor stops, the tables aside replace those in use, the processor goes on from there. */
        SWITCHING,
        DONE,
        /** Nothing was switched: the tables in use are as they were. */
        FAILED
    }

    boolean isUnderWay() {
        return phase == Phase.BUILDING || phase == Phase.CHECKING || phase == Phase.SWITCHING;
    }
}
