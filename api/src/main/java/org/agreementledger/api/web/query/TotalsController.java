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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Totals by city, country, sector, kind, year and occasion, and any combination of them, read from
 * the pre-aggregated read model. An empty filter parameter does not filter. Each answer carries the
 * totals' version as a weak ETag, and {@code If-None-Match} with it answers 304 while it has not
 * moved: a dashboard polling the same totals is told cheaply that nothing changed.
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
    public ResponseEntity<Totals> totals(WebRequest request,
                                         @RequestParam(required = false) String by,
                         @RequestParam(required = false) String stage,
                         @RequestParam(required = false) String city,
                         @RequestParam(required = false) String country,
                         @RequestParam(required = false) String sector,
                         @RequestParam(required = false) CooperationKind kind,
                         @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String occasion) {
        TotalsFilter filter = new TotalsFilter(QueryParameters.blankToNull(city), QueryParameters.blankToNull(country),
                QueryParameters.blankToNull(sector), kind, year, QueryParameters.blankToNull(occasion));
        TotalsQuery query = new TotalsQuery(stageOf(stage), dimensionsOf(by), filter);
        long version = totals.version();
        // weak: another node may sum the same version into an answer that holds a later change too
        String eTag = "W/\"" + version + "\"";
        if (request.checkNotModified(eTag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(eTag).cacheControl(CacheControl.noCache())
                    .build();
        }
        return ResponseEntity.ok().eTag(eTag).cacheControl(CacheControl.noCache()).body(totals.read(query, version));
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
