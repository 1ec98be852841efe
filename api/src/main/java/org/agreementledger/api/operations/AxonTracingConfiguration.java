package org.agreementledger.api.operations;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's spans (dispatching and handling a command, publishing and handling its events) made with the
 * OpenTelemetry SDK Spring Boot configures for Micrometer Tracing, the one the HTTP request's span
 * comes from: so one trace id links the request, its command and its events, and Axon writes the
 * trace context into each event's metadata. Axon's own default would use OpenTelemetry's global
 * instance, which Spring Boot leaves empty.
 */
@Configuration(proxyBeanMethods = false)
class AxonTracingConfiguration {

    @Bean
    SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }
}
