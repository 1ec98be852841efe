package org.agreementledger.projections.rebuild;

import java.util.List;

/** An event processor on this node and the segments it holds (other nodes may hold the rest). */
public record ProcessorState(String name, boolean running, boolean replaying, boolean error,
                             List<SegmentState> segments) {
}
