package org.agreementledger.api.config;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Every transaction of the service (commands, the read side's batches, tokens) waits at most a bound
 * for its commit. A commit can hang where no statement timeout reaches: a primary whose
 * synchronous standby is gone holds each commit until a standby confirms it. Past the bound the
 * driver gives the connection up, which the pool then evicts; the request is answered 503 and
 * nothing is acknowledged. PostgreSQL may still complete that commit later, which is what the
 * Idempotency-Key is for: a retry then gets the first answer.
 * <p>
 * A {@link DataSourceTransactionManager}, not Spring Boot's {@code JdbcTransactionManager}: that one
 * turns a failed commit into a data access exception, after which Spring tries a rollback on the
 * connection the driver has just closed, and the rollback's failure replaces the commit's.
 */
class CommitBoundTransactionManager extends DataSourceTransactionManager {

    /** The PostgreSQL driver does not use the executor; the JDBC contract wants one. */
    private static final Executor UNUSED = Runnable::run;

    private final int commitTimeoutMillis;

    CommitBoundTransactionManager(DataSource dataSource, Duration commitTimeout) {
        super(dataSource);
        this.commitTimeoutMillis = Math.toIntExact(commitTimeout.toMillis());
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        Connection connection = ((ConnectionHolder) TransactionSynchronizationManager
                .getResource(obtainDataSource())).getConnection();
        int socketTimeout = networkTimeoutOf(connection);
        setNetworkTimeout(connection, commitTimeoutMillis);
        super.doCommit(status);
        setNetworkTimeout(connection, socketTimeout);
    }

    private static int networkTimeoutOf(Connection connection) {
        try {
            return connection.getNetworkTimeout();
        } catch (SQLException failure) {
            throw new TransactionSystemException("Could not read the connection's network timeout", failure);
        }
    }

    private static void setNetworkTimeout(Connection connection, int millis) {
        try {
            connection.setNetworkTimeout(UNUSED, millis);
        } catch (SQLException failure) {
            throw new TransactionSystemException("Could not bound the commit's wait", failure);
        }
    }
}
