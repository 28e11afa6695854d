package io.sidecar.prm.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A thread-safe latency record in microseconds, read as milliseconds. */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(60_000_000L, 3);

    void recordSince(long startNanos) {
        record(System.nanoTime() - startNanos);
    }

    void record(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos / 1_000, histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1_000.0;
    }
}
