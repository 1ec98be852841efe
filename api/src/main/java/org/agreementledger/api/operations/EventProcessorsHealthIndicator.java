package org.agreementledger.api.operations;

import org.agreementledger.projections.agreement.AgreementProjection;
import org.agreementledger.projections.agreement.ProjectionProcessor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * DOWN while an event processor of this node is stopped or in error: its read models stop following
 * the ledger. Whether the projection's processor is in error is {@link ProjectionProcessor}'s to say.
 */
@Component
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionProcessor projectionProcessor;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProjectionProcessor projectionProcessor) {
        this.processing = processing;
        this.projectionProcessor = projectionProcessor;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        boolean allRunning = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean error = processor.getName().equals(AgreementProjection.PROCESSING_GROUP)
                    ? projectionProcessor.failing() : processor.isError();
            boolean running = processor.isRunning();
            allRunning &= running && !error;
            states.put(processor.getName(), error ? "error" : !running ? "stopped"
                    : processor instanceof StreamingEventProcessor streaming && streaming.isReplaying() ? "replaying"
                    : "running");
        }
        return (allRunning ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
    }
}
