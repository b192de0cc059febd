package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;

/**
 * An untimed warm-up that lasts until the JIT is done, not for a fixed time: it runs slices of load
 * and stops once the cost per unit (server CPU per request, time per request) has stopped falling.
 *
 * <p>Why: a freshly started JVM compiles for seconds, longer on a loaded 2-core machine and longer for
 * a larger code path. Measured on 2026-12-02 (load 3.4-5.4, one second of closed-loop load a slice),
 * our delay server's CPU per request fell 556 -> 95 -> 20 us over 10 s and Netty's 6,552 -> 140 ->
 * 21 us over 14 s; a fixed second of warm-up plus JMH's short warm-up iterations measured where each
 * JVM's compiler had got to, which made Netty look 5x worse than it is. Every model of a scenario gets
 * this same rule; how long it took is published with the rows (see {@link Outcome}).
 *
 * <p>The rule, in slices: a slice is still warming when its cost is below {@code (1 - tolerance)} x
 * the best cost before it, or when more than {@code maxCompileShare} of the JVM's CPU in it went to
 * its JIT compiler threads ({@link dev.concbench.metrics.CompilerCpu}: a cost can stay flat for
 * seconds while a C2 compilation waits for a CPU). The warm-up stops after {@code patience} slices in
 * a row that were not warming, once at least {@code minSlices} ran, or after {@code maxSlices} (then
 * {@link Outcome#steady()} is false). A slice that served nothing (cost NaN) never improves.
 *
 * @param minSlices       at least this many slices, {@code >= 1}
 * @param maxSlices       at most this many, {@code >= minSlices}
 * @param patience        stop after this many slices in a row not warming, {@code >= 1}
 * @param tolerance       the share a slice must beat the best by to count as an improvement, in [0, 1)
 * @param maxCompileShare the most of a slice's CPU its compiler threads may take in a settled slice, in [0, 1]
 */
public record WarmUp(int minSlices, int maxSlices, int patience, double tolerance, double maxCompileShare) {

    /**
     * What one slice measured.
     *
     * @param cost         cost per unit (NaN when nothing was served)
     * @param compileShare the share of the warmed JVM's CPU its compiler threads took, in [0, 1]
     */
    public record Sample(double cost, double compileShare) {}

    /** One slice of load: runs it and returns what it measured. */
    @FunctionalInterface
    public interface Slice {
        Sample run() throws Exception;
    }

    /**
     * What a warm-up did.
     *
     * @param slices   slices run
     * @param steady   whether the cost stopped falling before {@code maxSlices}
     * @param lastCost the cost per unit of the last slice
     * @param lastCompileShare the share of the last slice's CPU the JIT compiler threads took
     */
    public record Outcome(int slices, boolean steady, double lastCost, double lastCompileShare) {

        /**
         * Publishes it with the current iteration's rows: {@code warmUp} (seconds of untimed load
         * before JMH's first iteration, {@code sliceNanos} a slice), {@code warmUpSteady} (1 when
         * the cost stopped falling, 0 when the cap ended the warm-up) and {@code warmUpCompiling}
         * (the share of the last slice's CPU that went to the JIT compiler threads).
         */
        public void publish(long sliceNanos) {
            IterationMetrics.publish("warmUp", slices * sliceNanos / 1e9, "s");
            IterationMetrics.publish("warmUpSteady", steady ? 1 : 0, "count");
            IterationMetrics.publish("warmUpCompiling", lastCompileShare, "share");
        }
    }

    public WarmUp {
        if (minSlices < 1 || maxSlices < minSlices || patience < 1 || !(tolerance >= 0 && tolerance < 1)
                || !(maxCompileShare >= 0 && maxCompileShare <= 1)) {
            throw new IllegalArgumentException("warm-up rule needs 1 <= minSlices <= maxSlices, patience >= 1, "
                    + "0 <= tolerance < 1, 0 <= maxCompileShare <= 1; was " + this);
        }
    }

    /** Runs slices of {@code slice} until the rule says the cost stopped falling. */
    public Outcome run(Slice slice) throws Exception {
        double best = Double.POSITIVE_INFINITY;
        Sample sample = new Sample(Double.NaN, 0);
        int stale = 0;  // slices in a row that were not warming
        for (int n = 1; n <= maxSlices; n++) {
            sample = slice.run();
            double cost = sample.cost();
            if (cost < best * (1 - tolerance) || sample.compileShare() > maxCompileShare) {
                stale = 0;
            } else {
                stale++;
            }
            if (cost < best) {
                best = cost;
            }
            if (n >= minSlices && stale >= patience) {
                return new Outcome(n, true, sample.cost(), sample.compileShare());
            }
        }
        return new Outcome(maxSlices, false, sample.cost(), sample.compileShare());
    }
}
