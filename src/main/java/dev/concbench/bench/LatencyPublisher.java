package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import org.HdrHistogram.Histogram;

/**
 * Publishes percentiles of an interval histogram (values in nanoseconds) as secondary results in
 * milliseconds, under {@code <prefix>p50}, {@code <prefix>p99}, ... as the metrics contract names them.
 */
final class LatencyPublisher {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private LatencyPublisher() {}

    /**
     * @param prefix      e.g. {@code "lateness."} or {@code ""}
     * @param h           the iteration's histogram, in nanoseconds
     * @param percentiles the percentiles to publish, e.g. {@code 50, 99, 99.9}; named {@code p50}, {@code p99}, {@code p999}
     * @param withMax     also publish {@code <prefix>max}
     */
    static void publish(String prefix, Histogram h, double[] percentiles, boolean withMax) {
        for (double p : percentiles) {
            String name = "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p).replace(".", ""));
            IterationMetrics.publish(prefix + name, h.getValueAtPercentile(p) / NANOS_PER_MS, "ms");
        }
        if (withMax) {
            IterationMetrics.publish(prefix + "max", h.getMaxValue() / NANOS_PER_MS, "ms", IterationMetrics.Aggregation.MAX);
        }
    }
}
