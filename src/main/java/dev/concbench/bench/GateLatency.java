package dev.concbench.bench;

import org.HdrHistogram.Recorder;

/**
 * The completion times of one shot's tasks, each counted from when the shot's start gate opened
 * (not from before the first task was created: N thread starts in series would otherwise be in
 * every percentile), published per shot as {@code latencyFromGate.p50}, {@code .p99},
 * {@code .p999} in milliseconds. Each shot publishes its own percentiles and the run averages them
 * over shots, so a row is the mean of the per-shot percentile, its error is across shots and its
 * samples are the shots.
 *
 * <p>{@link #opened} and {@link #endShot} are called from the benchmark thread; {@link #completed}
 * from any thread, after the gate opened.
 */
final class GateLatency {

    /** The label prefix of the published percentiles. */
    static final String PREFIX = "latencyFromGate.";

    private static final double[] PERCENTILES = {50, 99, 99.9};

    private final Recorder recorder = new Recorder(3);
    private volatile long openedNanos;

    /** The gate opened at {@code nanos} (a {@code System.nanoTime()} value). Call before opening it. */
    void opened(long nanos) {
        openedNanos = nanos;
    }

    /** One task completed at {@code nanos}; its time since the gate opened is recorded. */
    void completed(long nanos) {
        recorder.recordValue(Math.max(0, nanos - openedNanos));
    }

    /** Publishes this shot's percentiles and starts the next shot's from empty. */
    void endShot() {
        LatencyPublisher.publish(PREFIX, recorder.getIntervalHistogram(), PERCENTILES, false);
    }
}
