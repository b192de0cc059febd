package dev.concbench.regress;

import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import java.util.List;

/** Rows with raw samples, for tests of the gate's statistics (shared with the cli tests). */
public final class SampleRows {

    private SampleRows() {
    }

    /** A lower-is-better hand-off row of the event loop whose value is the mean of {@code perFork}. */
    public static ResultRow row(List<List<Double>> perFork) {
        double mean = perFork.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElseThrow();
        return new ResultRow("context-switch", "ContextSwitchBenchmark.handoff", "eventloop", null, "handoff", mean,
                "ns/op", mean * 0.01, perFork.stream().mapToLong(List::size).sum(), Direction.LOWER_IS_BETTER,
                List.of(), perFork);
    }
}
