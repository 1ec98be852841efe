package org.agreementledger.api.operations;

import org.agreementledger.ledger.audit.LedgerVerification;
import org.agreementledger.projections.audit.LedgerVerificationService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The latest verification of the ledger on this node (GET /api/ledger/verify) and when it ran: DOWN
 * once it found something that does not match, which no restart repairs; not part of readiness.
 */
@Component
class LedgerVerificationHealthIndicator implements HealthIndicator {

    private final LedgerVerificationService verification;

    LedgerVerificationHealthIndicator(LedgerVerificationService verification) {
        this.verification = verification;
    }

    @Override
    public Health health() {
        return verification.last().map(last -> {
            LedgerVerification result = last.result();
            Health.Builder health = result.intact() ? Health.up() : Health.down();
            health.withDetail("intact", result.intact())
                    .withDetail("finishedAt", last.finishedAt().toString())
                    .withDetail("tookMillis", last.took().toMillis())
                    .withDetail("throughPosition", result.throughPosition());
            if (!result.intact()) {
                health.withDetail("firstMismatch", result.firstMismatch().reason() + " at position "
                        + result.firstMismatch().globalPosition());
            }
            return health.build();
        }).orElseGet(() -> Health.unknown().withDetail("verification", "not run on this node since it started").build());
    }
}
