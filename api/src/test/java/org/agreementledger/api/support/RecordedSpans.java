package org.agreementledger.api.support;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.List;

/**
 * Every span the service ends, kept in memory as it ends (Spring Boot adds each SpanProcessor bean to
 * its tracer provider); a test registers it as a bean.
 */
public class RecordedSpans implements SpanProcessor {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SpanProcessor processor = SimpleSpanProcessor.create(exporter);

    public List<SpanData> ofTrace(String traceId) {
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    public List<SpanData> all() {
        return exporter.getFinishedSpanItems();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        processor.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
        return processor.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        processor.onEnd(span);
    }

    @Override
    public boolean isEndRequired() {
        return processor.isEndRequired();
    }

    @Override
    public CompletableResultCode shutdown() {
        return processor.shutdown();
    }
}
