package org.agreementledger.api.web.query;

import org.agreementledger.api.openapi.ReadsOwnWrites;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.totals.Dimension;
import org.agreementledger.projections.totals.Stage;
import org.agreementledger.projections.totals.Totals;
import org.agreementledger.projections.totals.TotalsFilter;
import org.agreementledger.projections.totals.TotalsQuery;
import org.agreementledger.projections.totals.TotalsReader;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Totals by city, country, sector, kind, year and occasion, and any combination of them, read from
 * the pre-aggregated read model. An empty filter parameter does not filter.
 */
@RestController
class TotalsController {

    private final TotalsReader totals;

    public TotalsController(TotalsReader totals) {
        this.totals = totals;
    }

    @ReadsOwnWrites
    @GetMapping(path = "/api/totals", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Totals totals(@RequestParam(required = false) String by,
                         @RequestParam(required = false) String stage,
                         @RequestParam(required = false) String city,
                         @RequestParam(required = false) String country,
                         @RequestParam(required = false) String sector,
                         @RequestParam(required = false) CooperationKind kind,
                         @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String occasion) {
        TotalsFilter filter = new TotalsFilter(QueryParameters.blankToNull(city), QueryParameters.blankToNull(country),
                QueryParameters.blankToNull(sector), kind, year, QueryParameters.blankToNull(occasion));
        return totals.read(new TotalsQuery(stageOf(stage), dimensionsOf(by), filter));
    }

    /** The brief's default stage is {@code signed}. */
    private static Stage stageOf(String stage) {
        if (stage == null || stage.isBlank()) {
            return Stage.SIGNED;
        }
        return Stage.fromCode(stage).orElseThrow(() -> new InvalidQueryException("stage",
                "'" + stage + "' is not a stage; use one of " + codes(Stage.values(), Stage::code) + "."));
    }

    private static List<Dimension> dimensionsOf(String by) {
        List<Dimension> dimensions = new ArrayList<>();
        if (by == null) {
            return dimensions;
        }
        for (String code : by.split(",", -1)) {
            if (code.isBlank()) {
                continue;
            }
            Dimension dimension = Dimension.fromCode(code).orElseThrow(() -> new InvalidQueryException("by",
                    "'" + code.strip() + "' is not a dimension; use any of "
                            + codes(Dimension.values(), Dimension::code) + "."));
            if (dimensions.contains(dimension)) {
                throw new InvalidQueryException("by", "'" + dimension.code() + "' is listed more than once.");
            }
            dimensions.add(dimension);
        }
        return dimensions;
    }

    private static <T> String codes(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.joining(", "));
    }
}
