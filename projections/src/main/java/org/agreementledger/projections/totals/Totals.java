package org.agreementledger.projections.totals;

import java.util.List;

/**
 * The answer to a {@link TotalsQuery}: its rows in the order of the grouping dimensions, and the
 * total of all agreements the filter selects, each counted once.
 */
public record Totals(Stage stage, List<Dimension> by, TotalsFilter filter, List<TotalsRow> rows, TotalsRow total) {
}
