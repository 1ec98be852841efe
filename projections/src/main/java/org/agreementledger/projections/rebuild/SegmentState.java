package org.agreementledger.projections.rebuild;

/**
 * One segment this node processes.
 *
 * @param position the global index its token has reached, or {@code null} before the first event
 */
public record SegmentState(int segment, boolean caughtUp, boolean replaying, boolean error, Long position) {
}
