package org.agreementledger.api.web.query;

import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.api.openapi.ReadsOwnWrites;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.totals.Dimension;
import org.agreementledger.projections.totals.Stage;
import org.agreementledger.projections.totals.Totals;
import org.agreementledger.projections.totals.TotalsFilter;
import org.agreementledger.projections.totals.TotalsQuery;
import org.agreementledger.projections.totals.TotalsReader;
import org.agreementledger.projections.totals.TotalsRow;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        TotalsQuery query = queryOf(by, stage, city, country, sector, kind, year, occasion);
        long version = totals.version();
        // weak: another node may sum the same version into an answer that holds a later change too
        String eTag = "W/\"" + version + "\"";
        if (request.checkNotModified(eTag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(eTag).cacheControl(CacheControl.noCache())
                    .build();
        }
        return ResponseEntity.ok().eTag(eTag).cacheControl(CacheControl.noCache()).body(totals.read(query, version));
    }

    /**
     * The same totals as CSV, for a spreadsheet: a line per row with its dimensions, its count and
     * an amount column per currency (empty where the row has none), then the overall total.
     */
    @ReadsOwnWrites
    @GetMapping(path = "/api/totals/export", produces = {CsvWriter.MEDIA_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public void export(@RequestParam(required = false) String by,
                       @RequestParam(required = false) String stage,
                       @RequestParam(required = false) String city,
                       @RequestParam(required = false) String country,
                       @RequestParam(required = false) String sector,
                       @RequestParam(required = false) CooperationKind kind,
                       @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String occasion,
                       HttpServletResponse response) throws IOException {
        TotalsQuery query = queryOf(by, stage, city, country, sector, kind, year, occasion);
        Totals answer = totals.read(query, totals.version());
        List<String> columns = answer.by().stream().flatMap(dimension -> dimension.columns().stream()).distinct()
                .toList();
        List<String> currencies = Stream.concat(answer.rows().stream(), Stream.of(answer.total()))
                .flatMap(row -> row.amounts().stream()).map(Money::currency).distinct().sorted().toList();
        response.setContentType(CsvWriter.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"totals-" + query.stage().code() + ".csv\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        List<String> header = new ArrayList<>(columns);
        header.add("count");
        currencies.forEach(currency -> header.add("amount_" + currency));
        csv.values(header);
        for (TotalsRow row : answer.rows()) {
            csv.texts(line(columns.stream().map(column -> row.dimensions().get(column)).toList(), row, currencies));
        }
        List<Object> totalLabel = new ArrayList<>(Collections.nCopies(columns.size(), (Object) ""));
        if (!totalLabel.isEmpty()) {
            totalLabel.set(0, "total");
        }
        csv.texts(line(totalLabel, answer.total(), currencies));
        writer.flush();
    }

    private static List<Object> line(List<?> dimensions, TotalsRow row, List<String> currencies) {
        List<Object> line = new ArrayList<>(dimensions);
        line.add(row.count());
        for (String currency : currencies) {
            line.add(row.amounts().stream().filter(amount -> amount.currency().equals(currency))
                    .map(amount -> amount.amount().toPlainString()).findFirst().orElse(null));
        }
        return line;
    }

    private static TotalsQuery queryOf(String by, String stage, String city, String country, String sector,
                                       CooperationKind kind, Integer year, String occasion) {
        TotalsFilter filter = new TotalsFilter(QueryParameters.blankToNull(city), QueryParameters.blankToNull(country),
                QueryParameters.blankToNull(sector), kind, year, QueryParameters.blankToNull(occasion));
        return new TotalsQuery(stageOf(stage), dimensionsOf(by), filter);
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
