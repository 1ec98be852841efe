package org.agreementledger.api.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects request latencies from many threads and summarises them as percentiles. */
final class LatencyRecorder {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void record(long startNanos) {
        nanos.add(System.nanoTime() - startNanos);
    }

    int count() {
        return nanos.size();
    }

    String summary() {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format("n=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms", sorted.size(),
                millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
