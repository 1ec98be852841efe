package org.agreementledger.projections.agreement;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProjectionProcessorTest {

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private ProjectionProcessor projectionProcessor;

    @BeforeEach
    void aRunningProcessor() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(AgreementProjection.PROCESSING_GROUP, StreamingEventProcessor.class))
                .thenReturn(Optional.of(processor));
        when(processor.isRunning()).thenReturn(true);
        when(processor.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
        when(jdbc.queryForObject(anyString(), eq(Integer.class))).thenReturn(1);
        segmentsThisNodeCouldClaim(4);
        projectionProcessor = new ProjectionProcessor(processing, jdbc, new NodeName("node-a"));
    }

    private void segmentsThisNodeCouldClaim(int segments) {
        when(jdbc.queryForObject(contains("FROM token_entry"), eq(Integer.class),
                eq(AgreementProjection.PROCESSING_GROUP), eq("node-a"))).thenReturn(segments);
    }

    @Test
    void aProcessorInErrorIsFailingWhileItHasSegmentsToClaim() {
        when(processor.isError()).thenReturn(true);

        assertThat(projectionProcessor.failing()).isTrue();
    }

    @Test
    void aProcessorInErrorIsFailingWhileTheDatabaseIsAway() {
        when(processor.isError()).thenReturn(true);
        when(jdbc.queryForObject(contains("FROM token_entry"), eq(Integer.class), any(), any()))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));

        assertThat(projectionProcessor.failing()).isTrue();
    }

    /**
     * Axon leaves its error flag set until a round with segments; while other nodes hold every
     * segment this node has nothing to fail at, and is no reason to restart or to report DOWN.
     */
    @Test
    void aProcessorLeftInErrorWhileOtherNodesHoldEverySegmentIsNotFailing() {
        when(processor.isError()).thenReturn(true);
        segmentsThisNodeCouldClaim(0);

        assertThat(projectionProcessor.failing()).isFalse();
        projectionProcessor.restartAfterFailure();
        projectionProcessor.restartAfterFailure();
        verify(processor, never()).shutdownAsync();
    }

    @Test
    void aProcessorLeftInErrorIsNotFailingWhileOtherNodesHoldEverySegmentWhateverAxonStillListsForIt() {
        when(processor.isError()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of(2, mock(EventTrackerStatus.class)));
        segmentsThisNodeCouldClaim(0);

        assertThat(projectionProcessor.failing()).isFalse();
    }

    @Test
    void aStoppedProcessorIsNotFailing() {
        when(processor.isError()).thenReturn(true);
        when(processor.isRunning()).thenReturn(false);

        assertThat(projectionProcessor.failing()).isFalse();
    }

    @Test
    void aProcessorStillInErrorAtTheSecondCheckIsRestartedOnceTheDatabaseAnswers() {
        when(processor.isError()).thenReturn(true);

        projectionProcessor.restartAfterFailure();
        verify(processor, never()).shutdownAsync();

        projectionProcessor.restartAfterFailure();
        var order = inOrder(processor);
        order.verify(processor).shutdownAsync();
        order.verify(processor).start();
    }

    @Test
    void aProcessorInErrorIsLeftToItsOwnRetriesWhileTheDatabaseIsAway() {
        when(processor.isError()).thenReturn(true);
        when(jdbc.queryForObject(anyString(), eq(Integer.class)))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));

        for (int check = 0; check < 5; check++) {
            projectionProcessor.restartAfterFailure();
        }
        verify(processor, never()).shutdownAsync();
        verify(processor, never()).start();
    }

    @Test
    void anErrorThatClearsBetweenChecksIsNotCountedTowardsARestart() {
        when(processor.isError()).thenReturn(true, false, true);

        projectionProcessor.restartAfterFailure();
        projectionProcessor.restartAfterFailure();
        projectionProcessor.restartAfterFailure();
        verify(processor, never()).shutdownAsync();
    }

    @Test
    void aStartThatFailsIsTriedAgainAtEachCheckUntilItSucceeds() {
        when(processor.isError()).thenReturn(true);
        doThrow(new IllegalStateException("the token store cannot be reached")).doThrow(
                new IllegalStateException("still not")).doNothing().when(processor).start();

        projectionProcessor.restartAfterFailure();
        projectionProcessor.restartAfterFailure();
        projectionProcessor.restartAfterFailure();
        projectionProcessor.restartAfterFailure();
        verify(processor, times(3)).start();
        verify(processor, times(1)).shutdownAsync();

        projectionProcessor.restartAfterFailure();
        verify(processor, times(3)).start();
    }

    @Test
    void workDoneWhileStoppedStartsTheProcessorAgainEvenWhenItFails() {
        assertThat(projectionProcessor.whileStopped(() -> "swapped")).isEqualTo("swapped");
        assertThatThrownBy(() -> projectionProcessor.whileStopped(() -> {
            throw new IllegalStateException("the read models in use stayed busy");
        })).hasMessageContaining("stayed busy");

        verify(processor, times(2)).shutDown();
        verify(processor, times(2)).start();
    }
}
