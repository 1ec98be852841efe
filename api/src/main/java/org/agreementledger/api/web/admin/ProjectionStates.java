package org.agreementledger.api.web.admin;

import org.agreementledger.projections.rebuild.ProcessorState;

import java.util.List;

/** The read models' event processors on this node. */
record ProjectionStates(List<ProcessorState> processors) {
}
