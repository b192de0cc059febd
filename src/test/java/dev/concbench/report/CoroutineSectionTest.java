package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The "Coroutines vs callbacks" section, from hand-made rows: which ratios decide, in which words, and why others do not. */
@Timeout(10)
class CoroutineSectionTest {

    private static ResultRow row(String scenario, String model, Map<String, String> params, String metric, double value,
            double error, long samples, String... guards) {
        return new ResultRow(scenario, "Bench.run", model, params, metric, value, "ns/op", error, samples,
                Direction.LOWER_IS_BETTER, List.of(guards));
    }

    private static ResultRow handoff(String model, double value, double error) {
        return row("context-switch", model, Map.of("pinned", "false"), "handoff", value, error, 12);
    }

    private static RunSummary summary(List<ResultRow> rows) {
        return new RunSummary(RunSummary.FORMAT, "20261202-000000-quick", "quick", true, List.of(), rows);
    }

    @Test
    void aRatioBeyondTheErrorIsSaidInWordsWithItsIntervalAndVirtualBeside() {
        CoroutineSection.CompareRow r = CoroutineSection.compare(handoff("eventloop", 10, 0.5), handoff("coroutines", 31, 2),
                handoff("virtual", 50, 2), "per hand-off");
        assertEquals("differs", r.css());
        assertTrue(r.verdict().matches("coroutines cost 3\\.10x callbacks per hand-off \\(2\\.[0-9]+\\.\\.3\\.[0-9]+\\);"
                + " virtual threads cost 5x callbacks per hand-off \\(4\\.[0-9]+\\.\\.5\\.[0-9]+\\)"), r.verdict());
        assertTrue(r.ratio().startsWith("3.10x ("), r.ratio());
        assertTrue(r.virtualRatio().startsWith("5x ("), r.virtualRatio());
    }

    @Test
    void aBoundedIntervalHoldingOneShowsNoDifference() {
        CoroutineSection.CompareRow r = CoroutineSection.compare(handoff("eventloop", 10, 1), handoff("coroutines", 10.5, 1),
                null, "per hand-off");
        assertEquals("alike", r.css());
        assertTrue(r.verdict().startsWith("coroutines: no difference beyond the error, 1.05x callbacks per hand-off ("),
                r.verdict());
        assertEquals("-", r.virtual());
    }

    /** The quick run's spawn rows: 3 samples with errors larger than their values. */
    @Test
    void aWideErrorIsNotDecidedNeverABareRatio() {
        ResultRow loop = row("spawn", "eventloop", Map.of(), "spawn", 0.662, 3.68, 3);
        ResultRow co = row("spawn", "coroutines", Map.of(), "spawn", 0.847, 4.53, 3);
        ResultRow vt = row("spawn", "virtual", Map.of(), "spawn", 14.3, 165, 3);
        CoroutineSection.CompareRow r = CoroutineSection.compare(loop, co, vt, "per spawn");
        assertEquals("unknown", r.css());
        assertEquals("-", r.ratio());
        assertEquals("-", r.virtualRatio());
        assertEquals("coroutines: not decided, the callbacks row's error reaches down to 0 (0.662 ± 3.680 ns/op);"
                + " virtual threads: not decided, the callbacks row's error reaches down to 0 (0.662 ± 3.680 ns/op)", r.verdict());
        // callbacks measured well, but virtual's error reaches 0: its interval would run from 0
        CoroutineSection.CompareRow v = CoroutineSection.compare(row("spawn", "eventloop", Map.of(), "spawn", 0.45, 0.2, 16),
                row("spawn", "coroutines", Map.of(), "spawn", 1.0, 0.3, 16),
                row("spawn", "virtual", Map.of(), "spawn", 37.2, 62.4, 16), "per spawn");
        assertEquals("differs", v.css());
        assertTrue(v.verdict().endsWith("; virtual threads: not decided, the virtual row's error reaches down to 0"
                + " (37.2 ± 62.4 ns/op)"), v.verdict());
    }

    @Test
    void fewSamplesAGuardOrNoErrorAreNotDecidedAndSayWhy() {
        ResultRow loop = handoff("eventloop", 10, 0.5);
        assertEquals("coroutines: not decided, the coroutines row has 2 samples (fewer than 3)", CoroutineSection.compare(loop,
                row("context-switch", "coroutines", Map.of("pinned", "false"), "handoff", 31, 2, 2), null, "per hand-off").verdict());
        assertEquals("coroutines: not decided, the callbacks row is guarded (loop-blocked: 2)", CoroutineSection.compare(
                row("context-switch", "eventloop", Map.of("pinned", "false"), "handoff", 10, 0.5, 12, "loop-blocked: 2"),
                handoff("coroutines", 31, 2), null, "per hand-off").verdict());
        assertEquals("coroutines: not decided, the coroutines row has no finite value and error", CoroutineSection.compare(loop,
                handoff("coroutines", 31, Double.NaN), null, "per hand-off").verdict());
    }

    @Test
    void theSectionOpensWithTheIssuesQuestionsAndPairsRowsOnTheirWorkload() {
        List<ResultRow> rows = new ArrayList<>(List.of(handoff("eventloop", 10, 0.5), handoff("coroutines", 31, 2),
                handoff("virtual", 50, 2),
                // eventloop's hand-off by Netty's mechanism has no coroutines twin: not paired
                row("context-switch", "eventloop", Map.of("pinned", "false", "mechanism", "execute"), "handoff", 8, 0.5, 12),
                row("spawn", "eventloop", Map.of(), "spawn", 0.662, 3.68, 3),
                row("spawn", "coroutines", Map.of(), "spawn", 0.847, 4.53, 3),
                // a virtual row's own setting (carriers) does not keep it from its workload's row
                row("spawn", "virtual", Map.of("carriers", "2"), "spawn", 14.3, 165, 3),
                row("scalability", "eventloop", Map.of("tasks", "100"), "latency.p99", 2, 0.1, 5),
                row("scalability", "coroutines", Map.of("tasks", "100"), "latency.p99", 2.05, 0.1, 5),
                row("scalability", "coroutines", Map.of("tasks", "1000"), "latency.p99", 2.05, 0.1, 5)));
        CoroutineSection.CoroutineView view = CoroutineSection.of(summary(rows));
        assertEquals(3, view.rows().size(), view.rows().toString());
        assertEquals("context-switch {pinned=false}: handoff", view.rows().get(0).what());
        assertEquals("spawn: spawn", view.rows().get(1).what());
        assertTrue(view.rows().get(1).virtual().startsWith("14.3"), view.rows().get(1).virtual());
        assertEquals(5, view.headlines().size());
        assertTrue(view.headlines().get(0).startsWith("Hand-off: coroutines cost 3.10x callbacks per hand-off ("),
                view.headlines().get(0));
        assertTrue(view.headlines().get(2).startsWith("Memory per waiting unit (heap): not measured in this run"),
                view.headlines().get(2));
        assertTrue(view.headlines().get(4).startsWith("Spawn cost: coroutines: not decided"), view.headlines().get(4));
        assertEquals("Of 3 metrics both measured: 1 differ beyond their error, 1 show no difference beyond it,"
                + " 1 not decided.", view.summary());
    }

    @Test
    void aRunWithoutCoroutinesHasNoSection() {
        assertNull(CoroutineSection.of(summary(List.of(handoff("eventloop", 10, 0.5), handoff("virtual", 50, 2)))));
    }
}
