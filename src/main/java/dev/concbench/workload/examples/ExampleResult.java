package dev.concbench.workload.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one run of an example printed and measured.
 *
 * @param example      the example's name
 * @param output       every printed line, in order, the {@code elapsed:} line last
 * @param elapsedNanos wall time of the program on the loop clock, in nanoseconds
 * @param unit         the length of one seed second in this run
 * @param facts        the example's key observations, by name ({@link #MAX_CONCURRENT}, {@link #TIMED_OUT}, ...)
 */
public record ExampleResult(String example, List<String> output, long elapsedNanos, Duration unit,
        Map<String, Long> facts) {

    /** semaphore: the most requests inside {@code async with semaphore} at once (count). */
    public static final String MAX_CONCURRENT = "maxConcurrent";
    /** timeout: 1 when {@code wait_for} timed out, else 0. */
    public static final String TIMED_OUT = "timedOut";
    /** timeout: 1 when the timed-out operation was cancelled, else 0. */
    public static final String INNER_CANCELLED = "innerCancelled";
    /** producer-consumer: items consumed (count). */
    public static final String ITEMS_CONSUMED = "itemsConsumed";
    /** fire-and-forget: background tasks that completed (count). */
    public static final String BACKGROUND_COMPLETED = "backgroundCompleted";
    /** pitfalls: the heartbeat's worst lateness while the bad version ran, in milliseconds. */
    public static final String STALL_MS = "stallMs";
    /** pitfalls: the heartbeat's worst lateness while the fixed version ran, in milliseconds. */
    public static final String FIXED_STALL_MS = "fixedStallMs";

    public ExampleResult {
        output = List.copyOf(output);
        facts = Map.copyOf(facts);
    }

    /** Elapsed time in units of the seed's seconds (3.0 means "3 s" in the seed). */
    public double elapsedUnits() {
        return (double) elapsedNanos / unit.toNanos();
    }

    /** A named fact, if this example records it. */
    public OptionalLong fact(String name) {
        Long value = facts.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** The last line every example prints: {@code elapsed: <units> units (<ms> ms)}. */
    public static String elapsedLine(long elapsedNanos, Duration unit) {
        return String.format("elapsed: %.2f units (%d ms)", (double) elapsedNanos / unit.toNanos(),
                Math.round(elapsedNanos / 1e6));
    }
}
