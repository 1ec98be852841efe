package org.agreementledger.api.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * DOWN while the database answers but cannot take commits: it is a standby (no primary), or commits
 * have been waiting longer than {@code ledger.health.max-commit-wait} for a synchronous standby that
 * does not confirm them. Neither shows in a connection check: both accept connections and reads.
 * It reads PostgreSQL's activity view, writes nothing, and so never waits on a commit itself; it sees
 * the waits of every session of the service's database user, on every node.
 */
@Component("databaseCommits")
class DatabaseCommitsHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final Duration maxCommitWait;

    DatabaseCommitsHealthIndicator(JdbcTemplate jdbc, @Value("${ledger.health.max-commit-wait}") Duration maxCommitWait) {
        super("Whether the database takes commits cannot be read");
        this.jdbc = jdbc;
        this.maxCommitWait = maxCommitWait;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        jdbc.query("""
                SELECT pg_is_in_recovery(), count(*),
                       coalesce(max(extract(epoch FROM clock_timestamp() - state_change)), 0)
                FROM pg_stat_activity WHERE wait_event = 'SyncRep'""", row -> {
            boolean standby = row.getBoolean(1);
            long waiting = row.getLong(2);
            Duration longestWait = Duration.ofMillis(Math.round(row.getDouble(3) * 1000));
            if (standby) {
                health.down().withDetail("reason", "no primary: the database is a read-only standby");
            } else if (waiting > 0 && longestWait.compareTo(maxCommitWait) > 0) {
                health.down().withDetail("reason", "database not committing: commits wait for a synchronous"
                        + " standby that does not confirm them");
            } else {
                health.up();
            }
            health.withDetail("commitsWaitingForStandby", waiting)
                    .withDetail("longestWaitMillis", longestWait.toMillis())
                    .withDetail("maxWaitMillis", maxCommitWait.toMillis());
        });
    }
}
