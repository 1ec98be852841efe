package org.agreementledger.api.web.admin;

import org.agreementledger.projections.rebuild.ProcessorState;
import org.agreementledger.projections.rebuild.RebuildState;

import java.util.List;

/**
 * The read models' event processors on this node, and where the last rebuild on this node stands.
 *
 * @param ledgerPosition the ledger's stable position: a segment is this many positions behind less its own
 */
record ProjectionStates(List<ProcessorState> processors, RebuildState rebuild, long ledgerPosition) {
}
