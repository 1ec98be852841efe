package org.agreementledger.api.web.query;

import org.agreementledger.api.openapi.ReadsOwnWrites;
import org.agreementledger.api.openapi.Refuses;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.agreement.AgreementFilter;
import org.agreementledger.projections.agreement.AgreementPage;
import org.agreementledger.projections.agreement.AgreementQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

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

    public AgreementQueryController(AgreementQueries agreements) {
        this.agreements = agreements;
    }

    @ReadsOwnWrites
    @GetMapping("/{agreementId}")
    @Refuses(HttpStatus.NOT_FOUND)
    public ResponseEntity<Object> agreement(@PathVariable UUID agreementId) {
        return agreements.find(agreementId)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
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
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        if (page < 0) {
            throw new InvalidQueryException("page", "page counts from 0; " + page + " is not a page.");
        }
        if (size < 1) {
            throw new InvalidQueryException("size", "size must be at least 1.");
        }
        AgreementFilter filter = new AgreementFilter(QueryParameters.blankToNull(city),
                QueryParameters.blankToNull(country), QueryParameters.blankToNull(sector), kind, year, status,
                QueryParameters.blankToNull(occasion));
        return agreements.list(filter, page, size);
    }
}
