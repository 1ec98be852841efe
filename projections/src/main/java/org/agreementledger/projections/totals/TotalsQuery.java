package org.agreementledger.projections.totals;

import java.util.List;

/** Totals at one stage, grouped by the listed dimensions (none: one row), of the agreements the filter selects. */
public record TotalsQuery(Stage stage, List<Dimension> by, TotalsFilter filter) {

    public TotalsQuery {
        by = List.copyOf(by);
    }
}
