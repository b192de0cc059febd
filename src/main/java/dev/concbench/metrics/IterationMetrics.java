package dev.concbench.metrics;

import dev.concbench.vocab.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Values a benchmark publishes during one JMH iteration, which the run's profiler collects at the
 * end of the iteration and hands to JMH as secondary results (so they appear in {@code jmh.json}
 * with units and errors). Lives in the benchmark's JVM (the fork); any thread may publish.
 *
 * <p>Labels starting with {@link #GUARD_PREFIX} are not metrics but guard evidence (e.g.
 * {@code guard.notVirtual}): the run turns a non-zero value into a guard on the benchmark's rows.
 */
public final class IterationMetrics {

    /** How the values of one label combine across iterations. */
    public enum Aggregation {
        /** The mean over iterations, with an error bar. */
        MEAN,
        /** The largest value seen (a maximum lateness, a failure point). */
        MAX,
        /** The total over iterations (a count of events). */
        SUM
    }

    /**
     * One published value.
     *
     * @param label       the secondary result's label, e.g. {@code rssPerUnit}
     * @param value       the value, in {@code unit}
     * @param unit        e.g. {@code bytes}, {@code ms}
     * @param aggregation how iterations combine
     */
    public record Value(String label, double value, String unit, Aggregation aggregation) {}

    /** The label prefix of guard evidence. */
    public static final String GUARD_PREFIX = "guard.";

    private static final ConcurrentLinkedQueue<Value> PENDING = new ConcurrentLinkedQueue<>();

    private IterationMetrics() {}

    /** Publishes a value for the current iteration, averaged over iterations. */
    public static void publish(String label, double value, String unit) {
        publish(label, value, unit, Aggregation.MEAN);
    }

    /** Publishes a value for the current iteration. */
    public static void publish(String label, double value, String unit, Aggregation aggregation) {
        PENDING.add(new Value(label, value, unit, aggregation));
    }

    /** Publishes guard evidence: {@code count} events of the guard's kind (0 = none), summed over iterations. */
    public static void guard(Guard guard, long count) {
        publish(GUARD_PREFIX + guard.key(), count, "count", Aggregation.SUM);
    }

    /** Takes everything published since the last call. Called by the profiler after each iteration. */
    public static List<Value> drain() {
        List<Value> out = new ArrayList<>();
        for (Value v; (v = PENDING.poll()) != null; ) {
            out.add(v);
        }
        return out;
    }
}
