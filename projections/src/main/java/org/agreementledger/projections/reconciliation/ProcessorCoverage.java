package org.agreementledger.projections.reconciliation;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.List;

/**
 * Which events an event processor has taken in, as its stored tokens say: an event is covered when
 * the token of the segment its sequence identifier belongs to has reached its global index and does
 * not hold it as a gap (a gap is an index whose transaction had not committed when the token passed).
 */
public final class ProcessorCoverage {

    private final List<SegmentPosition> segments;

    public ProcessorCoverage(List<SegmentPosition> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The coverage of one segment holding every event, up to the token ({@code null}: none). */
    public static ProcessorCoverage upTo(TrackingToken token) {
        GapAwareTrackingToken position = token == null ? null
                : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElseThrow();
        return new ProcessorCoverage(List.of(new SegmentPosition(Segment.ROOT_SEGMENT, position)));
    }

    public List<SegmentPosition> segments() {
        return segments;
    }

    public boolean covers(Object sequenceIdentifier, long globalIndex) {
        return segments.stream()
                .filter(position -> position.segment().matches(sequenceIdentifier))
                .findFirst()
                .map(position -> position.covers(globalIndex))
                .orElse(false);
    }

    /**
     * One segment and the position its token has reached.
     *
     * @param token {@code null} when the segment has taken in nothing yet
     */
    public record SegmentPosition(Segment segment, GapAwareTrackingToken token) {

        boolean covers(long globalIndex) {
            return token != null && globalIndex <= token.getIndex() && !token.getGaps().contains(globalIndex);
        }
    }
}
