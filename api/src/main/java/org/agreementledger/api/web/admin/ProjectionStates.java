package org.agreementledger.api.web.admin;

import org.agreementledger.projections.rebuild.ProcessorState;
import org.agreementledger.projections.rebuild.RebuildState;

import java.util.List;

/** The read models' event processors on this node, and where the last rebuild on this node stands. */
record ProjectionStates(List<ProcessorState> processors, RebuildState rebuild) {
}
