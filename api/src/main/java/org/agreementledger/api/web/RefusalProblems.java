package org.agreementledger.api.web;

import org.agreementledger.api.web.command.PartyNotYoursException;
import org.agreementledger.api.web.idempotency.IdempotencyKeyReusedException;
import org.agreementledger.ledger.rules.LedgerRuleViolation;
import org.agreementledger.ledger.rules.LifecycleViolationException;
import org.agreementledger.ledger.rules.NotTheProposerException;
import org.agreementledger.ledger.rules.PartyAlreadySignedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Optional;

/**
 * How each refusal of a command is answered. A refusal is the client's to fix (4xx); anything
 * not named here is not a refusal and is left to fail as the server's error.
 */
public final class RefusalProblems {

    private RefusalProblems() {
    }

    public static Optional<ProblemDetail> problemFor(Throwable refusal) {
        if (refusal instanceof LedgerRuleViolation violation) {
            return Optional.of(forRule(violation));
        }
        if (refusal instanceof PartyNotYoursException) {
            return Optional.of(Problems.of(HttpStatus.FORBIDDEN, "party-not-yours", refusal.getMessage()));
        }
        if (refusal instanceof IdempotencyKeyReusedException) {
            return Optional.of(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    refusal.getMessage()));
        }
        if (refusal instanceof AggregateNotFoundException) {
            return Optional.of(Problems.of(HttpStatus.NOT_FOUND, "agreement-not-found",
                    "No agreement has that id."));
        }
        if (refusal instanceof AggregateStreamCreationException) {
            return Optional.of(Problems.of(HttpStatus.CONFLICT, "agreement-exists",
                    "An agreement with that id exists already."));
        }
        if (refusal instanceof ConcurrencyException) {
            return Optional.of(Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
                    "The agreement was changed by another request at the same moment; send the command again."));
        }
        return Optional.empty();
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
        if (violation instanceof LifecycleViolationException || violation instanceof PartyAlreadySignedException) {
            return HttpStatus.CONFLICT;
        }
        if (violation instanceof NotTheProposerException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.UNPROCESSABLE_ENTITY;
    }
}
