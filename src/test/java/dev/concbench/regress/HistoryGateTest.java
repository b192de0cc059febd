package dev.concbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.regress.HistoryGate.Verdict;
import dev.concbench.results.Direction;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lookback z-score: each verdict can be reached, and rows without enough history do not decide. */
class HistoryGateTest {

    private static ResultRow row(double value, Direction better, String... guards) {
        return new ResultRow("context-switch", "ContextSwitchBenchmark.handoff", "eventloop", Map.of(), "handoff",
                value, "ns/op", 1.0, 10, better, List.of(guards));
    }

    private static List<Measure> history(double... values) {
        return java.util.Arrays.stream(values).mapToObj(v -> new Measure(v, 1.0, "ns/op", 10)).toList();
    }

    @Test
    void aValueFarAboveItsHistoryOfTimesRegressesAndFarBelowImproves() {
        List<Measure> h = history(50, 52, 48, 51, 49);
        assertEquals(Verdict.REGRESSED, HistoryGate.judge(row(70, Direction.LOWER_IS_BETTER), h).verdict());
        assertEquals(Verdict.IMPROVED, HistoryGate.judge(row(30, Direction.LOWER_IS_BETTER), h).verdict());
        assertEquals(Verdict.UNCHANGED, HistoryGate.judge(row(52, Direction.LOWER_IS_BETTER), h).verdict());
        assertEquals(Verdict.REGRESSED, HistoryGate.judge(row(30, Direction.HIGHER_IS_BETTER), h).verdict());
    }

    @Test
    void identicalHistoryUsesTheReportedErrorAsTheSpread() {
        HistoryGate.RowVerdict v = HistoryGate.judge(row(50.5, Direction.LOWER_IS_BETTER), history(50, 50, 50));
        assertEquals(1.0 / HistoryGate.ERROR_TO_SD, v.spread(), 1e-12);
        assertEquals(0.5 * HistoryGate.ERROR_TO_SD, v.z(), 1e-9);
        assertEquals(Verdict.UNCHANGED, v.verdict());
        assertEquals(Verdict.REGRESSED, HistoryGate.judge(row(51, Direction.LOWER_IS_BETTER), history(50, 50, 50)).verdict());
    }

    @Test
    void tooLittleHistoryGuardedAndNeutralRowsDoNotDecide() {
        assertEquals(Verdict.TOO_LITTLE_HISTORY, HistoryGate.judge(row(500, Direction.LOWER_IS_BETTER), history(50, 50)).verdict());
        assertEquals(Verdict.NOT_JUDGED, HistoryGate.judge(row(500, Direction.LOWER_IS_BETTER, "pinned"), history(50, 51, 49)).verdict());
        assertEquals(Verdict.NOT_JUDGED, HistoryGate.judge(row(500, Direction.NEUTRAL), history(50, 51, 49)).verdict());
    }

    @Test
    void theOutcomeFailsOnARegressionAndItsMarkdownNamesTheRunsUsed() {
        RunSummary current = new RunSummary(RunSummary.FORMAT, "20261202-000000-smoke", "smoke", true, List.of(),
                List.of(row(90, Direction.LOWER_IS_BETTER)));
        var outcome = HistoryGate.judge(current, List.of("r3", "r2", "r1"),
                Map.of(current.rows().getFirst().key(), history(50, 52, 48)));
        assertEquals(1, outcome.exitCode());
        String md = outcome.markdown();
        assertTrue(md.contains("Runs used (newest first): r3, r2, r1"), md);
        assertTrue(md.contains("**REGRESSION**"), md);
        assertTrue(md.contains("regressed"), md);
        var fine = HistoryGate.judge(current, List.of(), Map.of());
        assertEquals(0, fine.exitCode());
        assertTrue(fine.markdown().contains("Runs used (newest first): none"));
    }
}
