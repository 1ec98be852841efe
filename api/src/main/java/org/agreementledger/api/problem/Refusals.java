package org.agreementledger.api.problem;

import org.agreementledger.ledger.domain.LedgerRuleViolation;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.domain.NotTheProposerException;
import org.agreementledger.ledger.domain.PartyAlreadySignedException;
import org.agreementledger.ledger.signerkey.SignerKeyStatusException;
import org.agreementledger.projections.InvalidQueryException;
import org.agreementledger.projections.rebuild.RebuildRefusedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.util.List;
import java.util.Optional;

/**
 * The one mapping of a refusal to its answer: status, problem code and detail. A refusal is the
 * client's to fix (4xx); anything not named here is not a refusal and is the server's error.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Optional<ProblemDetail> problemFor(Throwable refusal) {
        if (refusal instanceof LedgerRuleViolation violation) {
            return Optional.of(forRule(violation));
        }
        if (refusal instanceof ClientRefusal client) {
            return Optional.of(client.field() == null ? Problems.of(client.code(), client.getMessage())
                    : Problems.withField(client.code(), client.field(), client.getMessage()));
        }
        if (refusal instanceof InvalidQueryException invalid) {
            return Optional.of(Problems.withField(ProblemCode.INVALID_PARAMETER, invalid.parameter(),
                    invalid.getMessage()));
        }
        if (refusal instanceof RequestRejectedException) {
            return Optional.of(Problems.ofStatus(HttpStatus.BAD_REQUEST,
                    "The request was refused before it reached the ledger: its URL or headers are not allowed."));
        }
        if (refusal instanceof RebuildRefusedException) {
            return Optional.of(Problems.of(ProblemCode.REBUILD_REFUSED, refusal.getMessage()));
        }
        if (refusal instanceof AggregateNotFoundException) {
            return Optional.of(Problems.of(ProblemCode.AGREEMENT_NOT_FOUND, "No agreement has that id."));
        }
        if (refusal instanceof AggregateStreamCreationException) {
            return Optional.of(Problems.of(ProblemCode.AGREEMENT_EXISTS, "An agreement with that id exists already."));
        }
        if (refusal instanceof ConcurrencyException) {
            return Optional.of(Problems.of(ProblemCode.CONCURRENT_MODIFICATION,
                    "The agreement was changed by another request at the same moment; send the command again."));
        }
        return Optional.empty();
    }

    /** The 503 for a failure of what the service depends on (database, identity provider), if it is one. */
    public static Optional<ProblemDetail> unavailability(Throwable failure) {
        return Unavailability.problemFor(failure);
    }

    private static ProblemDetail forRule(LedgerRuleViolation violation) {
        HttpStatus status = statusOf(violation);
        ProblemDetail problem = violation.field() == null
                ? Problems.of(status, violation.code(), violation.getMessage())
                : Problems.withFields(status, violation.code(), violation.getMessage(),
                List.of(new Problems.FieldError(violation.field(), violation.getMessage())));
        if (violation instanceof LifecycleViolationException lifecycle) {
            problem.setProperty("agreementStatus", lifecycle.status());
        }
        return problem;
    }

    private static HttpStatus statusOf(LedgerRuleViolation violation) {
        if (violation instanceof LifecycleViolationException || violation instanceof PartyAlreadySignedException
                || violation instanceof SignerKeyStatusException) {
            return HttpStatus.CONFLICT;
        }
        if (violation instanceof NotTheProposerException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }
}
