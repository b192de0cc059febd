package dev.concbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.Comparison;
import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gate on raw samples: a ratio of medians whose whole bootstrap interval must lie beyond the threshold. */
class SampleStatisticsTest {

    /** {@code forks} forks of {@code iterations} values around {@code centre}: each fork shifted, each value jittered. */
    static List<List<Double>> forks(long seed, int forks, int iterations, double centre, double forkSpread,
            double jitter) {
        Random random = new Random(seed);
        List<List<Double>> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            double shift = centre * (1 + forkSpread * (random.nextDouble() * 2 - 1));
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                values.add(shift * (1 + jitter * (random.nextDouble() * 2 - 1)));
            }
            out.add(values);
        }
        return out;
    }

    static ResultRow row(List<List<Double>> perFork, Direction better) {
        ResultRow r = SampleRows.row(perFork);
        return new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(), r.value(), r.unit(),
                r.error(), r.samples(), better, r.guards(), r.perFork());
    }

    static RowComparison compare(ResultRow before, ResultRow after, double threshold) {
        Comparison c = RunComparator.compare(Fixtures.summary("gate", List.of(before)),
                Fixtures.summary("gate", List.of(after)),
                new CompareOptions(dev.concbench.results.Mode.ABSOLUTE, threshold, null, null, false));
        return c.rows().getFirst();
    }

    @Test
    void aThirtyPercentSlowdownWithTightForksRegressesAndFailsTheGate() {
        RowComparison r = compare(row(forks(1, 3, 8, 200, 0.03, 0.02), Direction.LOWER_IS_BETTER),
                row(forks(2, 3, 8, 260, 0.03, 0.02), Direction.LOWER_IS_BETTER), 0.05);
        assertEquals(Status.REGRESSED, r.status(), r.change());
        assertTrue(r.failsGate());
        assertTrue(r.low() > 1.05 && r.low() < r.ratio() && r.ratio() < r.high(), r.toString());
        assertTrue(r.statistic().startsWith("bootstrap of lower deciles, 3+3 forks"), r.statistic());
        assertTrue(r.change().contains("slower (ratio 1.3") && r.change().contains("99% interval"), r.change());
        assertTrue(r.detectable() > 0.05 && r.detectable() < 0.30, "MDE " + r.detectable());
    }

    @Test
    void theSameDistributionIsUnchanged() {
        RowComparison r = compare(row(forks(3, 3, 8, 200, 0.05, 0.03), Direction.LOWER_IS_BETTER),
                row(forks(4, 3, 8, 200, 0.05, 0.03), Direction.LOWER_IS_BETTER), 0.05);
        assertEquals(Status.UNCHANGED, r.status(), r.change());
        assertFalse(r.failsGate());
    }

    @Test
    void forksThatDisagreeWidenTheIntervalSoTheSameChangeNoLongerDecides() {
        // the same 30% move, but JVM-to-JVM spread of +-40%: resampling forks shows it, iterations alone would not
        RowComparison r = compare(row(forks(5, 3, 8, 200, 0.4, 0.01), Direction.LOWER_IS_BETTER),
                row(forks(6, 3, 8, 260, 0.4, 0.01), Direction.LOWER_IS_BETTER), 0.05);
        assertEquals(Status.UNCHANGED, r.status(), r.change());
        assertTrue(r.detectable() > 0.3, "MDE " + r.detectable());
    }

    @Test
    void higherIsBetterRegressesWhenTheWholeIntervalIsBelow() {
        RowComparison r = compare(row(forks(7, 3, 8, 1000, 0.02, 0.02), Direction.HIGHER_IS_BETTER),
                row(forks(8, 3, 8, 700, 0.02, 0.02), Direction.HIGHER_IS_BETTER), 0.05);
        assertEquals(Status.REGRESSED, r.status(), r.change());
        assertTrue(r.change().contains("worse") || r.change().contains("slower"), r.change());
    }

    @Test
    void oneForkASideFallsBackToJmhErrors() {
        RowComparison r = compare(row(forks(9, 1, 8, 200, 0, 0.02), Direction.LOWER_IS_BETTER),
                row(forks(10, 1, 8, 260, 0, 0.02), Direction.LOWER_IS_BETTER), 0.05);
        assertEquals(RunComparator.JMH_ERRORS, r.statistic());
        assertEquals(Status.REGRESSED, r.status());
    }

    @Test
    void theIntervalIsReproducible() {
        var a = forks(11, 3, 8, 200, 0.1, 0.05);
        var b = forks(12, 3, 8, 230, 0.1, 0.05);
        assertEquals(BootstrapRatio.of(a, b, 0.1, 42), BootstrapRatio.of(a, b, 0.1, 42));
    }

    @Test
    void aStudyCountsTheTrialsAndRowsThatFailedTheGate() {
        GateStudy study = new GateStudy();
        ResultRow a = row(forks(13, 3, 8, 200, 0.02, 0.02), Direction.LOWER_IS_BETTER);
        study.add(RunComparator.compare(Fixtures.summary("gate", List.of(a)),
                Fixtures.summary("gate", List.of(row(forks(14, 3, 8, 200, 0.02, 0.02), Direction.LOWER_IS_BETTER))),
                new CompareOptions(dev.concbench.results.Mode.ABSOLUTE, 0.05, null, null, false)));
        study.add(RunComparator.compare(Fixtures.summary("gate", List.of(a)),
                Fixtures.summary("gate", List.of(row(forks(15, 3, 8, 300, 0.02, 0.02), Direction.LOWER_IS_BETTER))),
                new CompareOptions(dev.concbench.results.Mode.ABSOLUTE, 0.05, null, null, false)));
        assertEquals(1, study.failed());
        assertEquals(java.util.Map.of("context-switch eventloop handoff", 1L), study.failuresByRow());
        String md = study.markdown("ab --trials 2");
        assertTrue(md.contains("1 of 2 trials failed the gate (50%)"), md);
        assertTrue(md.contains("| context-switch eventloop handoff | 1 of 2 | >= "), md);
    }
}
