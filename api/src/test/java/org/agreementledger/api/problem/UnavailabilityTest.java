package org.agreementledger.api.problem;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UnavailabilityTest {

    @Test
    void aConnectionLostUnderAnAppendIsUnavailabilityEvenWhenTheRollbackFailsToo() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new EventStoreException("could not append",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(statusOf(Unavailability.problemFor(rollbackFailed))).isEqualTo(503);
    }

    @Test
    void aStatementOnAConnectionThePoolGaveUpAsBrokenIsUnavailability() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")));

        assertThat(statusOf(Unavailability.problemFor(rollbackFailed))).isEqualTo(503);
        assertThat(Unavailability.problemFor(new SQLException("Connection is closing", (String) null))).isEmpty();
    }

    @Test
    void aRollbackThatFailsAfterAFailureOfAnotherKindIsNotUnavailability() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("cannot roll back"));
        rollbackFailed.initApplicationException(new IllegalStateException("a defect"));

        assertThat(Unavailability.problemFor(rollbackFailed)).isEmpty();
        assertThat(Unavailability.problemFor(new TransactionSystemException("JDBC rollback failed"))).isEmpty();
    }

    @Test
    void sqlStatesOfALostConnectionAServerShuttingDownOrABoundReachedAreUnavailabilityAndAConstraintIsNot() {
        assertThat(statusOf(Unavailability.problemFor(new SQLException("terminating connection", "57P01"))))
                .isEqualTo(503);
        assertThat(statusOf(Unavailability.problemFor(new SQLException("connection failure", "08006"))))
                .isEqualTo(503);
        assertThat(statusOf(Unavailability.problemFor(new SQLException("statement timeout", "57014"))))
                .isEqualTo(503);
        assertThat(statusOf(Unavailability.problemFor(new SQLException("lock timeout", "55P03"))))
                .isEqualTo(503);
        assertThat(Unavailability.problemFor(new SQLException("duplicate key", "23505"))).isEmpty();
    }

    private static int statusOf(Optional<ProblemDetail> problem) {
        assertThat(problem).isPresent();
        return problem.orElseThrow().getStatus();
    }
}
