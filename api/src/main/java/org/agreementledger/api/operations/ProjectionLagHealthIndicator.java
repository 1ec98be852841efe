package org.agreementledger.api.operations;

import org.agreementledger.projections.reconciliation.ProjectionLag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN while the read side is further behind the ledger than {@code ledger.health.max-projection-lag}
 * events (what it answers may then be far from what was acknowledged), and while the lag cannot be
 * read (the database is away).
 */
@Component
class ProjectionLagHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionLag lag;
    private final long maxLag;

    ProjectionLagHealthIndicator(ProjectionLag lag, @Value("${ledger.health.max-projection-lag}") long maxLag) {
        super("The read side's lag cannot be read");
        this.lag = lag;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        ProjectionLag.Lag now = lag.now();
        (now.events() <= maxLag ? health.up() : health.down())
                .withDetail("events", now.events())
                .withDetail("oldestWaitingMillis", now.age().toMillis())
                .withDetail("maxEvents", maxLag);
    }
}
