package org.agreementledger.api.operations;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Traces of requests, commands and events on the OpenTelemetry SDK that Spring Boot configures for
 * Micrometer Tracing.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /**
     * Axon's spans (dispatching and handling a command, publishing and handling its events) on the same
     * SDK as the HTTP request's span, so one trace id links the request, its command and its events,
     * and Axon writes the trace context into each event's metadata. Axon's own default would use
     * OpenTelemetry's global instance, which Spring Boot leaves empty.
     */
    @Bean
    SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }

    /**
     * Which traces are recorded: while no collector is configured, only those a caller asks for (a
     * sampled W3C traceparent), since recording the rest would cost a third of the command throughput
     * for spans nobody receives; with one, {@code ledger.tracing.sampling} of the others too. Trace
     * ids run through logs and event metadata either way.
     */
    @Bean
    Sampler ledgerSampler(@Value("${management.otlp.tracing.endpoint:}") String collector,
                          @Value("${ledger.tracing.sampling}") double sampling) {
        return Sampler.parentBased(Sampler.traceIdRatioBased(StringUtils.hasText(collector) ? sampling : 0));
    }
}
