package org.agreementledger.api.web.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.agreementledger.api.problem.UnreadableValue;
import org.agreementledger.api.web.idempotency.IdempotentCommandRunner;
import org.agreementledger.api.web.idempotency.RequestFingerprint;
import org.agreementledger.api.web.idempotency.RequestIdentity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A registrar's list of proposals (see {@link ProposalList}), each line sent through the same path
 * as {@code POST /api/agreements}: read and checked the same way, proposed with an Idempotency-Key
 * made from the line's content, so that sending the list again proposes nothing twice and answers
 * each line as it was answered. The answer names, line by line, what was proposed and what was
 * refused and why; a refused line writes nothing and does not stop the others.
 */
@RestController
class ProposalImportController {

    private static final String KEY_PREFIX = "import-";

    private final Proposals proposals;
    private final IdempotentCommandRunner runner;
    private final Validator validator;
    private final ObjectMapper objectMapper;

    ProposalImportController(Proposals proposals, IdempotentCommandRunner runner, Validator validator,
                             ObjectMapper objectMapper) {
        this.proposals = proposals;
        this.runner = runner;
        this.validator = validator;
        this.objectMapper = objectMapper;
    }

    /** What became of one line of the list. */
    record ImportedLine(int line, String status, JsonNode answer) {
    }

    record ImportReport(int accepted, int refused, List<ImportedLine> lines) {
    }

    @PostMapping(path = "/api/agreements/import", consumes = "text/csv",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ApiResponse(responseCode = "200", description = "each line's answer: the proposal's acceptance or its refusal")
    public ImportReport importList(@RequestBody String csv, CommandContext context) {
        List<ImportedLine> lines = new ArrayList<>();
        for (ProposalList.Line line : ProposalList.read(csv)) {
            ResponseEntity<Object> answer = propose(line, context);
            lines.add(new ImportedLine(line.number(), answer.getStatusCode().is2xxSuccessful() ? "accepted" : "refused",
                    asJson(answer.getBody())));
        }
        int accepted = (int) lines.stream().filter(line -> line.status().equals("accepted")).count();
        return new ImportReport(accepted, lines.size() - accepted, lines);
    }

    private ResponseEntity<Object> propose(ProposalList.Line line, CommandContext context) {
        ProposeAgreementRequest proposal;
        try {
            proposal = objectMapper.convertValue(line.proposal(), ProposeAgreementRequest.class);
        } catch (IllegalArgumentException unreadable) {
            return Problems.response(UnreadableValue.problemFor(unreadable.getCause(), ProposalList::columnOf)
                    .orElseGet(() -> Problems.of(ProblemCode.MALFORMED_REQUEST, "The line is not a proposal.")));
        }
        Set<ConstraintViolation<ProposeAgreementRequest>> violations = validator.validate(proposal);
        if (!violations.isEmpty()) {
            List<Problems.FieldError> fields = violations.stream()
                    .map(violation -> new Problems.FieldError(ProposalList.columnOf(violation.getPropertyPath().toString()),
                            violation.getMessage()))
                    .sorted(Comparator.comparing(Problems.FieldError::field))
                    .toList();
            return Problems.response(Problems.withFields(ProblemCode.INVALID_REQUEST, "The line has invalid fields: "
                    + fields.stream().map(Problems.FieldError::field).distinct().collect(Collectors.joining(", "))
                    + ".", fields));
        }
        String actor = context.actor().name();
        return runner.run(actor, keyOf(proposal), new RequestIdentity("POST", "/api/agreements", proposal),
                () -> proposals.propose(proposal, actor, context.correlationId()));
    }

    /** An answer as given now, or as remembered from the first time the line was sent (its JSON text). */
    private JsonNode asJson(Object body) {
        try {
            return body instanceof String remembered ? objectMapper.readTree(remembered) : objectMapper.valueToTree(body);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("a remembered answer is not JSON", unreadable);
        }
    }

    /**
     * The same line, however often sent, is the same request: its key is the fingerprint of what it
     * proposes, as the Idempotency-Key of any request tells bodies apart.
     */
    private String keyOf(ProposeAgreementRequest proposal) {
        return KEY_PREFIX + RequestFingerprint.of(objectMapper.valueToTree(proposal));
    }
}
