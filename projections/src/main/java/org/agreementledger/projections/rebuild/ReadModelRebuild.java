package org.agreementledger.projections.rebuild;

import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.agreement.ProjectionProcessor;
import org.agreementledger.projections.agreement.ReadModelChanges;
import org.agreementledger.projections.rebuild.EventsReadAhead.ReadEvent;
import org.agreementledger.projections.reconciliation.Reconciliation;
import org.agreementledger.projections.reconciliation.ReconciliationReport;
import org.agreementledger.projections.totals.BucketTally;
import org.agreementledger.projections.totals.TotalsWriter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds the read models from the events without readers ever seeing them half built: the events
 * are projected into a copy of the tables aside ({@link AsideTables}), in batches of thousands, while
 * the processor goes on keeping the tables in use current; the reconciliation then compares the copy
 * with its own recomputation from the events, and only a copy that reconciles replaces the tables in
 * use, in one transaction that also sets the processor's tokens to where the copy was built up to.
 * The processor then goes on from there. Another node holding a segment refuses the rebuild: its
 * processor would go on writing the tables swapped out.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final String PROCESSOR = AgreementProjection.PROCESSING_GROUP;
    private static final int EVENTS_PER_WRITE = 5_000;
    private static final int SWAP_ATTEMPTS = 10;
    /**
     * Below PostgreSQL's deadlock_timeout (1 s by default): a reader whose query locks the tables in
     * another order than the swap can be caught in a lock cycle with it, and then it is the swap
     * that gives up (and tries again), never the reader that PostgreSQL cancels.
     */
    private static final String SWAP_LOCK_TIMEOUT = "200ms";
    /** PostgreSQL's SQL state for a lock not granted within lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final ProjectionProcessor projectionProcessor;
    private final EventStorageEngine events;
    private final AgreementProjection projection;
    private final TotalsWriter totals;
    private final TokenStore tokenStore;
    private final Reconciliation reconciliation;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AsideTables aside;
    private final Clock clock;
    private volatile RebuildState state = RebuildState.NONE;

    public ReadModelRebuild(ProjectionProcessor projectionProcessor, EventStorageEngine events,
                            AgreementProjection projection, TotalsWriter totals, TokenStore tokenStore,
                            Reconciliation reconciliation, JdbcTemplate jdbc,
                            PlatformTransactionManager transactionManager, Clock clock) {
        this.projectionProcessor = projectionProcessor;
        this.events = events;
        this.projection = projection;
        this.totals = totals;
        this.tokenStore = tokenStore;
        this.reconciliation = reconciliation;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.aside = new AsideTables(jdbc);
        this.clock = clock;
    }

    /** Starts a rebuild in the background, unless one is under way or another node holds a segment. */
    public synchronized void start() {
        if (state.isUnderWay()) {
            throw new RebuildRefusedException("A rebuild is already under way.", null);
        }
        refuseWhileAnotherNodeHoldsASegment();
        Instant startedAt = clock.instant();
        state = new RebuildState(RebuildState.Phase.BUILDING, startedAt, null, 0, null, null);
        Thread worker = new Thread(() -> run(startedAt), "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    public RebuildState state() {
        return state;
    }

    public List<ProcessorState> states() {
        return projectionProcessor.processor().stream().map(ReadModelRebuild::stateOf).toList();
    }

    /** The whole rebuild, phase by phase, on the rebuild's own thread. */
    private void run(Instant startedAt) {
        try {
            log.info("Rebuilding the read models aside");
            Built built = buildAside(startedAt);
            Long rate = built.events() * 1000 / Math.max(1, Duration.between(startedAt, clock.instant()).toMillis());
            log.info("Built {} events aside at {} events/s; reconciling them", built.events(), rate);
            state = new RebuildState(RebuildState.Phase.CHECKING, startedAt, null, built.events(), rate, null);
            ReconciliationReport report = reconciliation.runOn(aside::putFirstOnSearchPath, built.token());
            if (!report.consistent()) {
                throw new IllegalStateException("the tables built aside do not reconcile with the events: "
                        + report.bucketDifferences().size() + " totals and " + report.agreementDifferences().size()
                        + " agreements differ");
            }
            state = new RebuildState(RebuildState.Phase.SWITCHING, startedAt, null, built.events(), rate, null);
            switchTo(built);
            vacuumSwappedIn();
            state = new RebuildState(RebuildState.Phase.DONE, startedAt, clock.instant(), built.events(), rate, null);
            log.info("Rebuilt read models in use ({} events)", built.events());
        } catch (RuntimeException failure) {
            log.error("The rebuild failed; the read models in use are as they were", failure);
            state = new RebuildState(RebuildState.Phase.FAILED, startedAt, clock.instant(), state.events(),
                    state.eventsPerSecond(), String.valueOf(failure.getMessage()));
            aside.drop();
        }
    }

    /**
     * Projects every event into the tables aside, in one transaction, reading the events as the
     * processor does, so that the last event's token says exactly which events the copy holds; they
     * are read on a thread of their own while the copy is written.
     */
    private Built buildAside(Instant startedAt) {
        return transactions.execute(status -> {
            // the switch commits synchronously, and so makes the copy durable with it
            jdbc.execute("SET LOCAL synchronous_commit = off");
            // the copies grow from empty: a plan cached while they were small would scan them whole
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            AsideTables.Definitions definitions = aside.create();
            ReadModelChanges changes = projection.newChanges();
            BucketTally tally = new BucketTally();
            TrackingToken token = null;
            long count = 0;
            try (EventsReadAhead readAhead = new EventsReadAhead(events)) {
                for (List<ReadEvent> chunk = readAhead.next(); !chunk.isEmpty(); chunk = readAhead.next()) {
                    for (ReadEvent event : chunk) {
                        token = event.token();
                        if (event.event() != null) {
                            changes.add(event.event(), event.sequenceNumber());
                        }
                        if (++count % EVENTS_PER_WRITE == 0) {
                            changes.applyCounting(tally);
                            state = new RebuildState(RebuildState.Phase.BUILDING, startedAt, null, count, null, null);
                        }
                    }
                }
            }
            changes.applyCounting(tally);
            totals.writeAside(tally);
            aside.complete(definitions);
            return new Built(token, count);
        });
    }

    /**
     * Stops the processor, swaps the tables and sets every segment's token to the copy's position in
     * one transaction, and starts the processor again. The swap waits for readers that hold the
     * tables in use, and readers arriving meanwhile wait behind it: so each attempt waits a moment at
     * most, and some attempts later the rebuild gives up rather than stall readers any longer.
     */
    private void switchTo(Built built) {
        projectionProcessor.whileStopped(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    transactions.executeWithoutResult(status -> swapIn(built));
                    return null;
                } catch (DataAccessException failure) {
                    if (!(failure.getMostSpecificCause() instanceof SQLException busy
                            && LOCK_NOT_AVAILABLE.equals(busy.getSQLState()))) {
                        throw failure;
                    }
                    if (attempt == SWAP_ATTEMPTS) {
                        throw new IllegalStateException("the read models in use stayed busy; rebuild again later",
                                failure);
                    }
                    log.info("The read models in use are busy; swapping again (attempt {})", attempt + 1);
                }
            }
        });
    }

    private void swapIn(Built built) {
        jdbc.execute("SET LOCAL lock_timeout = '" + SWAP_LOCK_TIMEOUT + "'");
        for (int segment : tokenStore.fetchSegments(PROCESSOR)) {
            claim(segment);
            tokenStore.storeToken(built.token(), PROCESSOR, segment);
            tokenStore.releaseClaim(PROCESSOR, segment);
        }
        aside.swapIn();
        // the totals' answers readers keep were computed from the tables just dropped
        totals.raiseVersion();
    }

    /** The swap has happened: a vacuum that fails leaves the work to autovacuum, and the rebuild done. */
    private void vacuumSwappedIn() {
        try {
            aside.vacuumSwappedIn();
        } catch (DataAccessException failure) {
            log.warn("Could not vacuum the rebuilt read models; autovacuum will: {}", failure.getMessage());
        }
    }

    /** Claims every segment in a transaction that is rolled back: whether this node could take them all. */
    private void refuseWhileAnotherNodeHoldsASegment() {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (int segment : tokenStore.fetchSegments(PROCESSOR)) {
                claim(segment);
            }
        });
    }

    private void claim(int segment) {
        try {
            tokenStore.fetchToken(PROCESSOR, segment);
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new RebuildRefusedException("Event processor " + PROCESSOR + " has a segment claimed by another"
                    + " node; stop the processors there, then rebuild again.", claimedElsewhere);
        }
    }

    private static ProcessorState stateOf(StreamingEventProcessor processor) {
        List<SegmentState> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(ReadModelRebuild::stateOf)
                .toList();
        return new ProcessorState(processor.getName(), processor.isRunning(), processor.isReplaying(),
                processor.isError(), segments);
    }

    private static SegmentState stateOf(EventTrackerStatus status) {
        return new SegmentState(status.getSegment().getSegmentId(), status.isCaughtUp(), status.isReplaying(),
                status.isErrorState(), status.getCurrentPosition().isPresent()
                ? status.getCurrentPosition().getAsLong() : null);
    }

    /** What the tables aside hold: the events up to the token. */
    private record Built(TrackingToken token, long events) {
    }
}
