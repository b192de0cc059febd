package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The "Our loop vs Netty" section: which pairs differ beyond their error, which way, and why some are not compared. */
class ReferenceSectionTest {

    private static ResultRow row(String model, String metric, double value, double error, Direction better, String... guards) {
        return new ResultRow("context-switch", "ContextSwitchBenchmark.handoff", model, Map.of("pinned", "false"), metric,
                value, "ns/op", error, 10, better, List.of(guards));
    }

    private static RunSummary summary(ResultRow... rows) {
        return new RunSummary(RunSummary.FORMAT, "20261202-000000-smoke", "smoke", true, List.of(), List.of(rows));
    }

    @Test
    void aRatioWhoseIntervalHoldsOneIsAlike() {
        ReferenceSection.PairRow p = ReferenceSection.pair(row("eventloop", "handoff", 40, 4, Direction.LOWER_IS_BETTER),
                row("netty", "handoff", 42, 4, Direction.LOWER_IS_BETTER));
        assertEquals("alike", p.css());
        assertEquals("alike within the error", p.verdict());
        ReferenceSection.PairRow zeros = ReferenceSection.pair(row("eventloop", "lostUpdates", 0, 0, Direction.LOWER_IS_BETTER),
                row("netty", "lostUpdates", 0, 0, Direction.LOWER_IS_BETTER));
        assertEquals("alike", zeros.css());
        assertEquals("equal", zeros.verdict());
    }

    @Test
    void aDifferenceBeyondTheErrorSaysWhichLoopIsAheadByHowMuch() {
        ReferenceSection.PairRow faster = ReferenceSection.pair(row("eventloop", "handoff", 40, 1, Direction.LOWER_IS_BETTER),
                row("netty", "handoff", 20, 1, Direction.LOWER_IS_BETTER));
        assertEquals("differs", faster.css());
        assertEquals("netty ahead by 2.00x", faster.verdict());
        ReferenceSection.PairRow slower = ReferenceSection.pair(row("eventloop", "throughput", 100, 1, Direction.HIGHER_IS_BETTER),
                row("netty", "throughput", 50, 1, Direction.HIGHER_IS_BETTER));
        assertEquals("ours ahead by 2.00x", slower.verdict());
        assertEquals("netty higher by 3.00x", ReferenceSection.pair(row("eventloop", "threads", 1, 0, Direction.NEUTRAL),
                row("netty", "threads", 3, 0, Direction.NEUTRAL)).verdict());
    }

    @Test
    void guardedRowsAndRowsWithoutAnErrorAreNotCompared() {
        assertEquals("not compared: netty's row is guarded", ReferenceSection.pair(row("eventloop", "handoff", 40, 1, Direction.LOWER_IS_BETTER),
                row("netty", "handoff", 20, 1, Direction.LOWER_IS_BETTER, "loop-blocked: 2")).verdict());
        ReferenceSection.PairRow noError = ReferenceSection.pair(row("eventloop", "handoff", 40, Double.NaN, Direction.LOWER_IS_BETTER),
                row("netty", "handoff", 20, 1, Direction.LOWER_IS_BETTER));
        assertEquals("unknown", noError.css());
        assertEquals("cannot tell: a row has no error", noError.verdict());
    }

    @Test
    void theSectionPairsRowsOfTheSameScenarioParametersAndMetricAndSumsThemUp() {
        ReferenceSection.ReferenceView view = ReferenceSection.of(summary(
                row("eventloop", "handoff", 40, 1, Direction.LOWER_IS_BETTER),
                row("netty", "handoff", 20, 1, Direction.LOWER_IS_BETTER),
                row("virtual", "handoff", 200, 1, Direction.LOWER_IS_BETTER),
                row("netty", "other", 20, 1, Direction.LOWER_IS_BETTER)));
        assertEquals(1, view.rows().size());
        assertTrue(view.summary().startsWith("0 of 1 metrics alike within their error; 1 differ beyond it: "
                + "context-switch {pinned=false}: handoff (netty ahead by 2.00x)"), view.summary());
        assertNull(ReferenceSection.of(summary(row("eventloop", "handoff", 40, 1, Direction.LOWER_IS_BETTER))));
    }

    @Test
    void nettyOffloadingToAnExecutorStandsBesideTheLoopOffloadingToThreads() {
        ResultRow loopOffload = new ResultRow("preemption", "PreemptionBenchmark.heartbeat", "eventloop+offload",
                Map.of("disturbance", "cpu-hog", "offload", "threads"), "lateness.max", 5, "ms", 1, 5, Direction.LOWER_IS_BETTER, List.of());
        ResultRow plainLoop = new ResultRow("preemption", "PreemptionBenchmark.heartbeat", "eventloop",
                Map.of("disturbance", "cpu-hog"), "lateness.max", 300, "ms", 1, 5, Direction.LOWER_IS_BETTER, List.of());
        ResultRow nettyOffload = new ResultRow("preemption", "PreemptionBenchmark.heartbeat", "netty",
                Map.of("disturbance", "cpu-hog", "offload", "executor"), "lateness.max", 5.2, "ms", 1, 5, Direction.LOWER_IS_BETTER, List.of());
        ReferenceSection.ReferenceView view = ReferenceSection.of(summary(plainLoop, loopOffload, nettyOffload));
        assertEquals(1, view.rows().size());
        assertEquals("alike", view.rows().getFirst().css());
        assertTrue(view.rows().getFirst().what().endsWith("(against eventloop+offload)"), view.rows().getFirst().what());
    }

    private static ResultRow cpu(String model, int workers, double ms, String... settings) {
        Map<String, String> params = new java.util.TreeMap<>(Map.of("workers", Integer.toString(workers), "totalBurn", "400000000"));
        for (int i = 0; i < settings.length; i += 2) {
            params.put(settings[i], settings[i + 1]);
        }
        return new ResultRow("cpu-bound", "CpuBenchmark.burn", model, params, "time", ms, "ms/op", ms / 100, 10,
                Direction.LOWER_IS_BETTER, List.of());
    }

    @Test
    void aSweptParameterPairsRowsEvenWhenAModelTakesASettingOfTheSameName() {
        List<ResultRow> rows = new java.util.ArrayList<>();
        int[] workers = {1, 2, 4, 8};
        for (int i = 0; i < workers.length; i++) {
            double ours = 100 + 10 * i;                                // each of our rows told apart by its value
            rows.add(cpu("eventloop", workers[i], ours));
            rows.add(cpu("platform-pool", workers[i], 100.0 / Math.min(workers[i], 2)));
            rows.add(cpu("eventloop+offload", workers[i], 100.0 / Math.min(workers[i], 2), "offload", "process"));
            rows.add(cpu("netty", workers[i], ours));                  // alike ours at the same workers
        }
        RunSummary run = summary(rows.toArray(ResultRow[]::new));
        ReferenceSection.ReferenceView view = ReferenceSection.of(run);
        assertEquals(4, view.rows().size(), view.rows().toString());
        for (int i = 0; i < workers.length; i++) {
            ReferenceSection.PairRow p = view.rows().get(i);
            assertTrue(p.what().contains("workers=" + workers[i]) && !p.what().contains("against"), p.what());
            assertEquals(p.ours(), p.netty(), p.toString());
            assertEquals("alike", p.css(), p.toString());
        }
        assertEquals(Set.of("workers", "totalBurn"), ReferenceSection.swept(run, "cpu-bound"));
    }
}
