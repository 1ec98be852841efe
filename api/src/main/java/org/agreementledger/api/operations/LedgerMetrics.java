package org.agreementledger.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.agreementledger.projections.audit.LedgerVerificationService;
import org.agreementledger.projections.audit.LedgerVerificationService.LastVerification;
import org.agreementledger.projections.merkle.StoredSubtrees;
import org.agreementledger.projections.reconciliation.ProjectionLag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * The ledger's own gauges, read when scraped: the read side's lag in events and seconds, the
 * events logged and agreements stored, and the last verification's duration and result. (Commands
 * by type and outcome and idempotent replays are counted where they happen.)
 */
@Component
class LedgerMetrics implements MeterBinder {

    private static final long ONE_SCRAPE = TimeUnit.SECONDS.toNanos(1);

    private final ProjectionLag lag;
    private final StoredSubtrees log;
    private final JdbcTemplate jdbc;
    private final LedgerVerificationService verification;
    private volatile LagReading lastLag;

    LedgerMetrics(ProjectionLag lag, StoredSubtrees log, JdbcTemplate jdbc, LedgerVerificationService verification) {
        this.lag = lag;
        this.log = log;
        this.jdbc = jdbc;
        this.verification = verification;
    }

    /** One reading of the lag (it scans the events behind) for both of its gauges in a scrape. */
    private ProjectionLag.Lag lagOfThisScrape() {
        LagReading reading = lastLag;
        if (reading == null || System.nanoTime() - reading.readAt() > ONE_SCRAPE) {
            reading = new LagReading(lag.now(), System.nanoTime());
            lastLag = reading;
        }
        return reading.lag();
    }

    private record LagReading(ProjectionLag.Lag lag, long readAt) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.projection.lag.events", this, metrics -> metrics.lagOfThisScrape().events())
                .description("events the read side is behind the ledger").register(registry);
        TimeGauge.builder("ledger.projection.lag", this, TimeUnit.MILLISECONDS,
                        metrics -> metrics.lagOfThisScrape().age().toMillis())
                .description("age of the oldest event the read side has not taken in").register(registry);
        Gauge.builder("ledger.events.logged", log, StoredSubtrees::size)
                .description("events that are leaves of the Merkle log").register(registry);
        Gauge.builder("ledger.agreements", jdbc,
                        db -> db.queryForObject("SELECT count(*) FROM agreement_view", Long.class))
                .description("agreements in the read model").register(registry);
        TimeGauge.builder("ledger.verification.last.duration", verification, TimeUnit.MILLISECONDS,
                        service -> service.last().map(last -> last.took().toMillis()).orElse(0L))
                .description("how long the last verification on this node took").register(registry);
        Gauge.builder("ledger.verification.last.intact", verification,
                        service -> service.last().map(last -> last.result().intact() ? 1 : 0).orElse(-1))
                .description("1 when the last verification on this node found the ledger intact, 0 when not,"
                        + " -1 before the first").register(registry);
        Gauge.builder("ledger.verification.last.finished", verification,
                        service -> service.last().map(LastVerification::finishedAt).map(at -> at.getEpochSecond())
                                .orElse(0L))
                .description("when the last verification on this node finished, seconds since the epoch")
                .register(registry);
    }
}
