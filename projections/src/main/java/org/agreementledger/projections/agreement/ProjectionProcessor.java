package org.agreementledger.projections.agreement;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The projection's event processor, stopped and started by one hand at a time: a rebuild's switch and
 * a restart after a failure never cross.
 * <p>
 * After a failure Axon retries with a back-off that doubles up to a minute, so a database back after
 * a long outage would leave the read models (and readiness) behind for up to a minute more. Once the
 * processor has stayed in error for two checks and the database answers again, it is restarted,
 * which retries at once.
 * <p>
 * Whether it is failing is asked here too ({@link #failing()}), not of Axon's error flag alone:
 * Axon clears that flag only after a round with segments to process, so a node whose processor
 * failed once while the other nodes took every segment over would look failing for good, and the
 * others, counting it as no node to share with, would never give it one.
 */
@Component
public class ProjectionProcessor {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessor.class);
    private static final String PROCESSOR = AgreementProjection.PROCESSING_GROUP;
    private static final long STOP_PATIENCE_SECONDS = 10;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final NodeName nodeName;
    private int checksInError;
    /** Stopped here to be restarted, and not started yet (a start fails while the database is away). */
    private boolean startPending;

    ProjectionProcessor(EventProcessingConfiguration processing, JdbcTemplate jdbc, NodeName nodeName) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.nodeName = nodeName;
    }

    /**
     * Whether the processor runs but fails: Axon says it is in error, and the token store does not
     * say that other nodes hold every segment (then this node has nothing to fail at, whatever
     * segments Axon still lists for it from before its failure).
     */
    public boolean failing() {
        return processor().map(this::failing).orElse(false);
    }

    private boolean failing(StreamingEventProcessor processor) {
        return processor.isRunning() && processor.isError() && !otherNodesHoldEverySegment();
    }

    private boolean otherNodesHoldEverySegment() {
        try {
            Integer claimable = jdbc.queryForObject(
                    "SELECT count(*) FROM token_entry WHERE processor_name = ? AND (owner IS NULL OR owner = ?)",
                    Integer.class, PROCESSOR, nodeName.value());
            return claimable != null && claimable == 0;
        } catch (DataAccessException away) {
            return false;
        }
    }

    /** Runs the work with the processor stopped, and starts it again whatever the work's outcome. */
    public synchronized <T> T whileStopped(Supplier<T> work) {
        StreamingEventProcessor processor = processor().orElseThrow();
        processor.shutDown();
        try {
            return work.get();
        } finally {
            processor.start();
        }
    }

    @Scheduled(initialDelayString = "${ledger.projections.recovery-interval:PT1S}",
            fixedDelayString = "${ledger.projections.recovery-interval:PT1S}")
    synchronized void restartAfterFailure() {
        processor().ifPresent(this::restartAfterFailure);
    }

    private void restartAfterFailure(StreamingEventProcessor processor) {
        if (startPending) {
            start(processor);
            return;
        }
        checksInError = failing(processor) ? checksInError + 1 : 0;
        if (checksInError < 2 || !databaseAnswers()) {
            return;
        }
        log.warn("Processor {} is still in error and the database answers again: restarting it rather than"
                + " waiting for its next retry", PROCESSOR);
        checksInError = 0;
        startPending = true;
        try {
            processor.shutdownAsync().get(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException stopSlow) {
            log.warn("Processor {} did not stop within {} s; starting it at a later check", PROCESSOR,
                    STOP_PATIENCE_SECONDS);
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        start(processor);
    }

    private void start(StreamingEventProcessor processor) {
        try {
            processor.start();
            startPending = false;
        } catch (RuntimeException notYet) {
            log.warn("Processor {} could not start again yet: {}", PROCESSOR, notYet.getMessage());
        }
    }

    private boolean databaseAnswers() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (DataAccessException away) {
            return false;
        }
    }

    /** The processor, where this node runs it: for what it holds and how far it is, not to stop or start it. */
    public Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class);
    }
}
