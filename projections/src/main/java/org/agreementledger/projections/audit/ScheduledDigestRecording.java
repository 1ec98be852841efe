package org.agreementledger.projections.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records a ledger digest every {@code ledger.audit.digest-interval} (ISO-8601, default an hour)
 * when the ledger has moved since the last one, so that no stretch of the ledger stays long
 * without a digest covering it.
 */
@Component
public class ScheduledDigestRecording {

    private static final Logger log = LoggerFactory.getLogger(ScheduledDigestRecording.class);

    private final LedgerDigestRecorder recorder;

    public ScheduledDigestRecording(LedgerDigestRecorder recorder) {
        this.recorder = recorder;
    }

    @Scheduled(initialDelayString = "${ledger.audit.digest-interval:PT1H}",
            fixedDelayString = "${ledger.audit.digest-interval:PT1H}")
    public void recordIfTheLedgerMoved() {
        DigestRecording recording = recorder.record();
        if (recording.recordedNow()) {
            log.info("Recorded ledger digest {} through position {}: {} chains, {}", recording.digest().id(),
                    recording.digest().coversThroughPosition(), recording.digest().chainCount(),
                    recording.digest().digest());
        }
    }
}
