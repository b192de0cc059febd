package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import org.HdrHistogram.Histogram;

/**
 * Publishes percentiles of an interval histogram (values in nanoseconds) as secondary results in
 * milliseconds, under {@code <prefix>p50}, {@code <prefix>p99}, ... as the metrics contract names them.
 *
 * <p>One iteration is one shot, so every value here is that shot's: across the run, a row is the
 * mean of the per-shot values with its error across shots and {@code samples} = shots. The maximum
 * too: one maximum over the whole run has no error bar, the mean of per-shot maxima has one.
 */
final class LatencyPublisher {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private LatencyPublisher() {}

    /**
     * @param prefix      e.g. {@code "lateness."} or {@code ""}
     * @param h           the iteration's histogram, in nanoseconds
     * @param percentiles the percentiles to publish, e.g. {@code 50, 99, 99.9}; named {@code p50}, {@code p99}, {@code p999}
     * @param withMax     also publish {@code <prefix>max}, this shot's maximum
     */
    static void publish(String prefix, Histogram h, double[] percentiles, boolean withMax) {
        for (double p : percentiles) {
            String name = "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p).replace(".", ""));
            IterationMetrics.publish(prefix + name, h.getValueAtPercentile(p) / NANOS_PER_MS, "ms");
        }
        if (withMax) {
            IterationMetrics.publish(prefix + "max", h.getMaxValue() / NANOS_PER_MS, "ms");
        }
    }
}
