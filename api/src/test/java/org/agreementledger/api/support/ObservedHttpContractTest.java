package org.agreementledger.api.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The service with metrics and tracing on, as in production (Spring Boot's tests leave both off
 * unless asked), its spans recorded in memory. Its test classes share one context.
 */
@AutoConfigureObservability
@Import(ObservedHttpContractTest.SpanRecording.class)
public abstract class ObservedHttpContractTest extends HttpContractTest {

    @Autowired
    protected RecordedSpans spans;

    @TestConfiguration(proxyBeanMethods = false)
    static class SpanRecording {

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }
}
