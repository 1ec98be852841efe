package org.agreementledger.api.web.query;

import jakarta.servlet.http.HttpServletResponse;
import org.agreementledger.api.openapi.ReadsOwnWrites;
import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.signing.AgreementTermsOnRecord;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.agreement.AgreementFilter;
import org.agreementledger.projections.agreement.AgreementPage;
import org.agreementledger.projections.agreement.AgreementQueries;
import org.agreementledger.projections.agreement.CertificationView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Agreements as they stand now, from the read model. The read side follows the ledger within
 * moments: an agreement just proposed may not be listed yet.
 */
@RestController
@RequestMapping(path = "/api/agreements", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class AgreementQueryController {

    private static final int DEFAULT_PAGE_SIZE = 20;

    private final AgreementQueries agreements;
    private final AgreementTermsOnRecord terms;

    public AgreementQueryController(AgreementQueries agreements, AgreementTermsOnRecord terms) {
        this.agreements = agreements;
        this.terms = terms;
    }

    @ReadsOwnWrites
    @GetMapping("/{agreementId}")
    @Refuses(HttpStatus.NOT_FOUND)
    public ResponseEntity<Object> agreement(@PathVariable UUID agreementId) {
        return agreements.find(agreementId)
                .<ResponseEntity<Object>>map(agreement -> ResponseEntity.ok(new AgreementWithTerms(agreement,
                        terms.of(agreementId).orElseThrow().hash())))
                .orElseGet(() -> Problems.response(Problems.of(ProblemCode.AGREEMENT_NOT_FOUND,
                        "No agreement has the id " + agreementId + " (yet: the read side follows the"
                                + " ledger within moments).")));
    }

    /** A page of agreements, newest proposal first; {@code size} is capped at {@link AgreementQueries#MAX_PAGE_SIZE}. */
    @ReadsOwnWrites
    @GetMapping
    public AgreementPage agreements(@RequestParam(required = false) String city,
                                    @RequestParam(required = false) String country,
                                    @RequestParam(required = false) String sector,
                                    @RequestParam(required = false) CooperationKind kind,
                                    @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) AgreementStatus status,
                                    @RequestParam(required = false) String occasion,
                                    @RequestParam(required = false) String party,
                                    @RequestParam(required = false) String awaitingSignatureOf,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0) {
            throw new InvalidQueryException("page", "page counts from 0; " + page + " is not a page.");
        }
        if (size < 1) {
            throw new InvalidQueryException("size", "size must be at least 1.");
        }
        AgreementFilter filter = filterOf(city, country, sector, kind, year, status, occasion, party,
                awaitingSignatureOf, q);
        return agreements.list(filter, page, size);
    }

    /**
     * Every agreement the filters match (the listing's filters), as CSV in the listing's order: one
     * line an agreement, its parties in one field.
     */
    @ReadsOwnWrites
    @GetMapping(path = "/export", produces = {CsvWriter.MEDIA_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public void export(@RequestParam(required = false) String city,
                       @RequestParam(required = false) String country,
                       @RequestParam(required = false) String sector,
                       @RequestParam(required = false) CooperationKind kind,
                       @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) AgreementStatus status,
                       @RequestParam(required = false) String occasion,
                       @RequestParam(required = false) String party,
                       @RequestParam(required = false) String awaitingSignatureOf,
                       @RequestParam(required = false) String q,
                       HttpServletResponse response) throws IOException {
        AgreementFilter filter = filterOf(city, country, sector, kind, year, status, occasion, party,
                awaitingSignatureOf, q);
        response.setContentType(CsvWriter.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"agreements.csv\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(writer);
        csv.values(List.of("agreement_id", "title", "kind", "sector", "status", "amount", "currency", "occasion",
                "proposed_on", "proposed_by", "parties", "fully_signed_on", "certificate_no", "certified_on",
                "revoked_on"));
        agreements.forEachMatching(filter, agreement -> {
            CertificationView certification = agreement.certification();
            try {
                csv.texts(Arrays.asList(agreement.agreementId(), agreement.title(), agreement.kind(),
                        agreement.sector(), agreement.status(), agreement.value().amount().toPlainString(),
                        agreement.value().currency(), agreement.occasion(), agreement.proposedOn(),
                        agreement.proposedBy(), agreement.parties().stream()
                                .map(each -> each.name() + " (" + each.partyId() + ", " + each.city() + ", "
                                        + each.country() + ")")
                                .collect(Collectors.joining("; ")),
                        agreement.fullySignedOn(), certification == null ? null : certification.certificateNo(),
                        certification == null ? null : certification.certifiedOn(),
                        certification == null ? null : certification.revokedOn()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private static AgreementFilter filterOf(String city, String country, String sector, CooperationKind kind,
                                            Integer year, AgreementStatus status, String occasion, String party,
                                            String awaitingSignatureOf, String words) {
        return new AgreementFilter(QueryParameters.blankToNull(city), QueryParameters.blankToNull(country),
                QueryParameters.blankToNull(sector), kind, year, status, QueryParameters.blankToNull(occasion),
                QueryParameters.blankToNull(party), QueryParameters.blankToNull(awaitingSignatureOf),
                words == null || words.isBlank() ? null : words.strip());
    }
}
