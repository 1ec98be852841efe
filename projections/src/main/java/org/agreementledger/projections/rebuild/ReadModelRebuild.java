package org.agreementledger.projections.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds every read model from the events: each streaming event processor that allows a reset
 * is shut down, its tokens are reset to the start of the event store (its reset handlers empty its
 * tables in that same transaction) and it is started again, to replay every event in the
 * background. A processor whose handlers must never see an event twice opts out with
 * {@code @DisallowReplay}.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;

    public ReadModelRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Starts the rebuild and answers the processors' states as it begins. */
    public synchronized List<ProcessorState> rebuild() {
        for (StreamingEventProcessor processor : resettableProcessors()) {
            log.info("Rebuilding the read models of event processor {}", processor.getName());
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException claimedElsewhere) {
                throw new RebuildRefusedException("Event processor " + processor.getName()
                        + " has a segment claimed by another node; stop the processors there, then rebuild again.",
                        claimedElsewhere);
            } finally {
                processor.start();
            }
        }
        return states();
    }

    public List<ProcessorState> states() {
        return resettableProcessors().stream().map(ReadModelRebuild::stateOf).toList();
    }

    private List<StreamingEventProcessor> resettableProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
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
}
