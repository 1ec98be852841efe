package org.agreementledger.api.problem;

import org.agreementledger.projections.NotYetProjectedException;
import org.agreementledger.projections.audit.NotYetLoggedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A failure that is nobody's fault but the absence of what the service depends on: the database
 * cannot be reached, refuses connections, is shutting down, or does not answer within its bounds
 * (a statement, a lock, a commit); the identity provider cannot be
 * reached to check a token; the Merkle log, or the read models, have not reached an event yet. Answered 503 with
 * Retry-After, so that clients retry.
 */
final class Unavailability {

    private static final String QUERY_CANCELED = "57014";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /**
     * The pool's answer, with no SQL state, on a connection it has already given up as broken: a
     * connection exception earlier in the same transaction, which a caller may have caught.
     */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private Unavailability() {
    }

    static Optional<ProblemDetail> problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotYetLoggedException) {
                return Optional.of(Problems.of(ProblemCode.NOT_YET_LOGGED, cause.getMessage()));
            }
            if (cause instanceof NotYetProjectedException) {
                return Optional.of(Problems.of(ProblemCode.NOT_YET_PROJECTED, cause.getMessage()));
            }
            if (cause instanceof AuthenticationServiceException) {
                return Optional.of(Problems.of(ProblemCode.SERVICE_UNAVAILABLE, "The identity provider cannot be"
                        + " reached just now to check the token. Retry in " + Problems.RETRY_AFTER_SECONDS
                        + " seconds."));
            }
            if (isUnavailability(cause)) {
                return Optional.of(Problems.of(ProblemCode.SERVICE_UNAVAILABLE, "The ledger's database cannot be"
                        + " reached just now, or did not answer in time; nothing was acknowledged. Retry in "
                        + Problems.RETRY_AFTER_SECONDS + " seconds."));
            }
            // a rollback on a connection the outage closed fails too, and hides the outage that caused it
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                Optional<ProblemDetail> problem = problemFor(rollback.getApplicationException());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnavailability(Throwable cause) {
        if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (cause instanceof SQLException closed && closed.getSQLState() == null
                && POOL_CLOSED_CONNECTION.equals(closed.getMessage())) {
            return true;
        }
        // SQL state class 08: connection exception; 57P0x: the server is shutting down or starting;
        // 57014: a statement cancelled at its statement_timeout; 55P03: a lock not granted within lock_timeout
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                || sql.getSQLState().equals(QUERY_CANCELED) || sql.getSQLState().equals(LOCK_NOT_AVAILABLE));
    }
}
