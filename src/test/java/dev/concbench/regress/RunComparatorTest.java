package dev.concbench.regress;

import dev.concbench.results.Comparison;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import dev.concbench.results.Mode;
import static dev.concbench.regress.Fixtures.baseline;
import static dev.concbench.regress.Fixtures.only;
import static dev.concbench.regress.Fixtures.row;
import static dev.concbench.regress.Fixtures.scaled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RunComparatorTest {

    private static final CompareOptions ABSOLUTE = CompareOptions.defaults();
    private static final CompareOptions RATIOS = CompareOptions.defaults().withMode(Mode.RATIOS);

    private static RowComparison find(Comparison c, String model, String metric) {
        return c.rows().stream().filter(r -> r.model().equals(model) && r.metric().equals(metric)).findFirst()
                .orElseThrow();
    }

    /**
     * A 30% change of one metric, in both directions, for a lower-is-better time (handoff) and a
     * higher-is-better rate (throughput): worse is regressed and fails the gate, better is improved.
     */
    @ParameterizedTest(name = "{1} {2} x{3} -> {4}")
    @CsvSource({
            "context-switch, eventloop,     handoff,    1.3,  regressed, slower",
            "context-switch, eventloop,     handoff,    0.7,  improved,  faster",
            "context-switch, eventloop,     handoff,    0.77, improved,  faster",
            "scalability,    eventloop,     throughput, 0.7,  regressed, slower",
            "scalability,    eventloop,     throughput, 1.3,  improved,  faster",
    })
    void aThirtyPercentChangeIsJudgedInTheMetricsDirection(String scenario, String model, String metric,
            double factor, String expected, String word) {
        for (CompareOptions options : List.of(ABSOLUTE, RATIOS)) {
            Comparison c = RunComparator.compare(baseline(), scaled(baseline(), only(model, metric), factor), options);
            RowComparison row = find(c, model, metric);
            assertEquals(expected, row.status().label(), options.mode() + ": " + row);
            assertTrue(row.change().endsWith(word), row.change());
            assertEquals(expected.equals("regressed") ? 1 : 0, c.exitCode(), options.mode() + " exit code");
            assertEquals(1, c.rows().stream().filter(r -> r.status() != Status.UNCHANGED
                    && r.status() != Status.SKIPPED).count(), "only the changed row moves: " + c.rows());
        }
    }

    @Test
    void theChangeReadsAsAFactorWithItsError() {
        Comparison c = RunComparator.compare(baseline(), scaled(baseline(), only("eventloop", "handoff"), 1.31),
                ABSOLUTE);
        // 200 +- 4 -> 262 +- 5.24: relative errors 2% each, in quadrature 2.83%, times 1.31 = 0.037
        RowComparison row = find(c, "eventloop", "handoff");
        assertEquals(1.31, row.ratio(), 1e-9);
        assertEquals(1.31 * Math.hypot(0.02, 0.02), row.ratioError(), 0.02 * 1.31 * Math.hypot(0.02, 0.02));
        assertEquals("1.31x ± 0.04 slower", row.change());
    }

    @Test
    void aChangeWithinTheCombinedErrorIsUnchanged() {
        RunSummary noisy = Fixtures.summary("smoke", List.of(
                row("context-switch", "eventloop", "handoff", 200, 50, "ns/op", Direction.LOWER_IS_BETTER)));
        Comparison c = RunComparator.compare(noisy, scaled(noisy, r -> true, 1.3), ABSOLUTE);
        RowComparison row = c.rows().getFirst();
        assertTrue(row.ratio() - 1 > row.threshold(), "beyond the threshold...");
        assertTrue(row.ratioError() > row.ratio() - 1, "...but within the error");
        assertEquals(Status.UNCHANGED, row.status());
        assertEquals(0, c.exitCode());
    }

    @Test
    void aNoisyRunStillLetsAChangeOfManyTimesItsNoiseThrough() {
        // few JMH iterations on a busy machine: a 99.9% half-width of 75% of the value
        RunSummary noisy = Fixtures.summary("smoke", List.of(
                row("context-switch", "eventloop", "handoff", 200, 150, "ns/op", Direction.LOWER_IS_BETTER)));
        RowComparison thirty = RunComparator.compare(noisy, scaled(noisy, r -> true, 30), ABSOLUTE).rows().getFirst();
        assertEquals(Status.REGRESSED, thirty.status(), thirty.toString());
        // each side's log half-width is -ln(1 - 0.75) = ln 4; together ln 4 * sqrt(2) = 1.96
        assertEquals(Math.log(4) * Math.sqrt(2), thirty.logError(), 1e-12);
        assertEquals("30.00x slower (99.9% interval 4.22x..213x)", thirty.change());
        RowComparison fasterThirty = RunComparator.compare(noisy, scaled(noisy, r -> true, 1.0 / 30), ABSOLUTE)
                .rows().getFirst();
        assertEquals(Status.IMPROVED, fasterThirty.status(), fasterThirty.toString());
        RowComparison three = RunComparator.compare(noisy, scaled(noisy, r -> true, 3), ABSOLUTE).rows().getFirst();
        assertEquals(Status.UNCHANGED, three.status(), "within its noise: " + three);
    }

    @Test
    void aReferenceWhoseIntervalReachesZeroGivesWayToTheNextModel() {
        RunSummary before = Fixtures.summary("smoke", List.of(
                row("context-switch", "eventloop", "handoff", 500, 100, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "virtual", "handoff", 233, 21, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "platform-pool", "handoff", 1680, 667, "ns/op", Direction.LOWER_IS_BETTER)));
        RunSummary after = Fixtures.summary("smoke", List.of(
                row("context-switch", "eventloop", "handoff", 10314, 2392, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "virtual", "handoff", 393, 398, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "platform-pool", "handoff", 1649, 1426, "ns/op", Direction.LOWER_IS_BETTER)));
        Comparison c = RunComparator.compare(before, after, RATIOS);
        RowComparison loop = find(c, "eventloop", "handoff");
        assertEquals("platform-pool", loop.reference());
        assertEquals(Status.REGRESSED, loop.status(), loop.toString());
        RowComparison virtual = find(c, "virtual", "handoff");
        assertEquals(Status.UNCHANGED, virtual.status(), "compared, but unbounded: " + virtual);
        assertTrue(Double.isInfinite(virtual.logError()));
        assertEquals(Status.SKIPPED, find(c, "platform-pool", "handoff").status());
    }

    @Test
    void aMeasurementWhoseIntervalReachesZeroBoundsNoRatio() {
        // a stalled reference: 13201 +- 27869 ns; even a 10x move of the ratio is not a change
        RunSummary before = Fixtures.summary("smoke", List.of(
                row("context-switch", "virtual", "handoff", 250, 40, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "platform-pool", "handoff", 13201, 27869, "ns/op", Direction.LOWER_IS_BETTER)));
        RunSummary after = Fixtures.summary("smoke", List.of(
                row("context-switch", "virtual", "handoff", 250, 40, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "platform-pool", "handoff", 1300, 50, "ns/op", Direction.LOWER_IS_BETTER)));
        CompareOptions byPool = new CompareOptions(Mode.RATIOS, null, null, "platform-pool", false);
        RowComparison row = find(RunComparator.compare(before, after, byPool), "virtual", "handoff");
        assertEquals(Status.SKIPPED, row.status(), row.toString());
        assertTrue(row.note().startsWith("no reference model (platform-pool) with a bounded value"), row.note());
        // in absolute mode the bounded row is compared, the unbounded one never counts
        Comparison absolute = RunComparator.compare(before, after, ABSOLUTE);
        assertEquals(Status.UNCHANGED, find(absolute, "platform-pool", "handoff").status());
        assertTrue(find(absolute, "platform-pool", "handoff").change()
                .endsWith("(99.9% interval unbounded: an error reaches 0)"));
    }

    @Test
    void aChangeBeyondTheErrorButWithinTheThresholdIsUnchanged() {
        Comparison c = RunComparator.compare(baseline(), scaled(baseline(), r -> true, 1.15), ABSOLUTE);
        assertTrue(c.rows().stream().allMatch(r -> r.status() == Status.UNCHANGED), c.rows().toString());
    }

    @Test
    void withoutAnErrorTheThresholdAloneMarksARowButItNeverFailsTheGate() {
        RunSummary single = Fixtures.summary("smoke", List.of(
                row("preemption", "eventloop disturbance=none", "lateness.max", 12, Double.NaN, "ms",
                        Direction.LOWER_IS_BETTER)));
        Comparison c = RunComparator.compare(single, scaled(single, r -> true, 1.3), ABSOLUTE);
        RowComparison row = c.rows().getFirst();
        assertEquals(Status.REGRESSED, row.status());
        assertFalse(row.failsGate());
        assertEquals("1.30x ± ? slower", row.change());
        assertTrue(row.note().startsWith("no error reported"), row.note());
        assertEquals(0, c.exitCode());
        assertEquals(Status.UNCHANGED,
                RunComparator.compare(single, scaled(single, r -> true, 1.1), ABSOLUTE).rows().getFirst().status());
    }

    @Test
    void aNeutralMetricIsNeverARegression() {
        Comparison c = RunComparator.compare(baseline(), scaled(baseline(), only("virtual", "threads"), 3), ABSOLUTE);
        assertEquals(Status.CHANGED, find(c, "virtual", "threads").status());
        assertEquals(0, c.exitCode());
    }

    @Test
    void missingAndNewRowsAreReportedWithoutFailingTheGate() {
        List<ResultRow> rows = new java.util.ArrayList<>(baseline().rows().subList(1, baseline().rows().size()));
        rows.add(row("spawn", "virtual", "spawn", 3, 0.1, "us/op", Direction.LOWER_IS_BETTER));
        Comparison c = RunComparator.compare(baseline(), Fixtures.summary("smoke", rows), ABSOLUTE);
        RowComparison missing = find(c, "eventloop", "handoff");
        assertEquals(Status.MISSING, missing.status());
        assertEquals(Status.NEW, find(c, "virtual", "spawn").status());
        assertEquals(1, c.counts().get(Status.MISSING));
        assertEquals(1, c.counts().get(Status.NEW));
        assertEquals(0, c.exitCode());
    }

    @Test
    void aGuardedRegressionIsListedButNeverDecides() {
        RunSummary slow = scaled(baseline(), only("virtual", "handoff"), 2);
        List<ResultRow> rows = slow.rows().stream()
                .map(r -> r.model().equals("virtual") ? r.withGuard("pinned: 12 jdk.VirtualThreadPinned events") : r)
                .toList();
        Comparison c = RunComparator.compare(baseline(), Fixtures.summary("smoke", rows), ABSOLUTE);
        RowComparison row = find(c, "virtual", "handoff");
        assertEquals(Status.REGRESSED, row.status());
        assertTrue(row.guarded());
        assertFalse(row.failsGate());
        assertEquals(List.of("current: pinned: 12 jdk.VirtualThreadPinned events"), row.guards());
        assertEquals(0, c.exitCode());
        assertTrue(c.headline().contains("guarded"), c.headline());
    }

    @Test
    void ratiosModeIgnoresAMachineThatIsUniformlySlower() {
        RunSummary slowerMachine = scaled(baseline(), r -> r.better() == Direction.LOWER_IS_BETTER, 1.6);
        RunSummary slowerEverywhere = scaled(slowerMachine, r -> r.better() == Direction.HIGHER_IS_BETTER, 1 / 1.6);
        assertEquals(1, RunComparator.compare(baseline(), slowerEverywhere, ABSOLUTE).exitCode());

        Comparison c = RunComparator.compare(baseline(), slowerEverywhere, RATIOS);
        assertEquals(0, c.exitCode(), c.rows().toString());
        RowComparison loop = find(c, "eventloop", "handoff");
        assertEquals(Status.UNCHANGED, loop.status());
        assertEquals("virtual", loop.reference());
        assertEquals(1.0, loop.ratio(), 1e-9);
        assertEquals(Status.SKIPPED, find(c, "virtual", "handoff").status());
        assertEquals("platform-pool", find(c, "eventloop", "throughput").reference(), "the first reference the scenario ran");
    }

    @Test
    void ratiosModeCatchesOneModelSlowingDownAndPropagatesAllFourErrors() {
        Comparison c = RunComparator.compare(baseline(), scaled(baseline(), only("eventloop", "handoff"), 1.5), RATIOS);
        RowComparison loop = find(c, "eventloop", "handoff");
        assertEquals(Status.REGRESSED, loop.status());
        assertEquals(1.5, loop.ratio(), 1e-9);
        // four measurements, each with a 2% relative error
        assertEquals(1.5 * Math.sqrt(4 * 0.02 * 0.02), loop.ratioError(), 0.05 * 1.5 * Math.sqrt(4 * 0.02 * 0.02));
        assertTrue(loop.change().startsWith("1.50x ± 0.06 slower"), loop.change());
        assertEquals(Status.UNCHANGED, find(c, "platform-pool", "handoff").status());
        assertEquals(1, c.exitCode());
    }

    @Test
    void ratiosModeMatchesTheReferenceOnSharedParamsOnly() {
        RunSummary cpu = Fixtures.summary("smoke", List.of(
                row("cpu-bound", "eventloop workers=1", "time", 100, 1, "ms/op", Direction.LOWER_IS_BETTER),
                row("cpu-bound", "eventloop workers=2", "time", 100, 1, "ms/op", Direction.LOWER_IS_BETTER),
                row("cpu-bound", "platform-pool poolSize=2 workers=1", "time", 100, 1, "ms/op",
                        Direction.LOWER_IS_BETTER),
                row("cpu-bound", "platform-pool poolSize=2 workers=2", "time", 50, 1, "ms/op",
                        Direction.LOWER_IS_BETTER)));
        // only the workers=2 reference slows down: eventloop workers=2 looks better against it, workers=1 does not
        RunSummary after = scaled(cpu, r -> r.model().equals("platform-pool") && r.params().get("workers").equals("2"), 2);
        Comparison c = RunComparator.compare(cpu, after, RATIOS);
        RowComparison one = c.rows().stream().filter(r -> r.params().equals(Map.of("workers", "1"))).findFirst()
                .orElseThrow();
        RowComparison two = c.rows().stream().filter(r -> r.params().equals(Map.of("workers", "2"))).findFirst()
                .orElseThrow();
        assertEquals(Status.UNCHANGED, one.status());
        assertEquals(Status.IMPROVED, two.status());
        assertEquals(0.5, two.ratio(), 1e-9);
    }

    @Test
    void ratiosModeSkipsARowWithoutAReferenceAndCanBeToldWhichReferenceToUse() {
        RunSummary loopOnly = Fixtures.summary("smoke", List.of(
                row("examples", "eventloop example=gather", "elapsedUnits", 1, 0.01, "units", Direction.NEUTRAL)));
        RowComparison row = RunComparator.compare(loopOnly, loopOnly, RATIOS).rows().getFirst();
        assertEquals(Status.SKIPPED, row.status());
        assertTrue(row.note().startsWith("no reference model"), row.note());

        CompareOptions byPool = new CompareOptions(Mode.RATIOS, null, null, "platform-pool", false);
        Comparison c = RunComparator.compare(baseline(), scaled(baseline(), only("eventloop", "handoff"), 1.5), byPool);
        assertEquals("platform-pool", find(c, "eventloop", "handoff").reference());
        assertEquals(Status.REGRESSED, find(c, "eventloop", "handoff").status());
        assertEquals(Status.SKIPPED, find(c, "platform-pool", "handoff").status());
        assertEquals(Status.UNCHANGED, find(c, "virtual", "handoff").status());
    }

    @Test
    void scenarioThresholdsApplyPerMetricAndTheCommandLineWins() {
        RunSummary slow = scaled(baseline(), only("eventloop", "handoff"), 1.3);
        ScenarioThresholds wide = new ScenarioThresholds(Map.of("context-switch", Map.of("handoff", 0.5)));
        CompareOptions scenario = new CompareOptions(Mode.ABSOLUTE, null, wide, null, false);
        RowComparison row = find(RunComparator.compare(baseline(), slow, scenario), "eventloop", "handoff");
        assertEquals(0.5, row.threshold());
        assertEquals(Status.UNCHANGED, row.status());

        CompareOptions commandLine = new CompareOptions(Mode.ABSOLUTE, 0.1, wide, null, false);
        assertEquals(Status.REGRESSED, find(RunComparator.compare(baseline(), slow, commandLine), "eventloop",
                "handoff").status());
    }

    @Test
    void zeroInBothRunsIsUnchangedAndAZeroBaselineIsSkipped() {
        RunSummary zero = Fixtures.summary("smoke", List.of(
                row("io-load", "eventloop rate=100", "dropped", 0, 0, "count", Direction.LOWER_IS_BETTER)));
        assertEquals(Status.UNCHANGED, RunComparator.compare(zero, zero, ABSOLUTE).rows().getFirst().status());
        RowComparison some = RunComparator.compare(zero, scaled(Fixtures.summary("smoke", List.of(
                row("io-load", "eventloop rate=100", "dropped", 1, 0, "count", Direction.LOWER_IS_BETTER))), r -> true,
                5), ABSOLUTE).rows().getFirst();
        assertEquals(Status.SKIPPED, some.status());
    }

    @Test
    void aCountThatDropsToZeroIsImprovedWithAFiniteError() {
        RunSummary some = Fixtures.summary("smoke", List.of(
                row("io-load", "eventloop rate=100", "dropped", 5, 1, "count", Direction.LOWER_IS_BETTER)));
        RowComparison row = RunComparator.compare(some, scaled(some, r -> true, 0), ABSOLUTE).rows().getFirst();
        assertEquals(Status.IMPROVED, row.status());
        assertEquals(0, row.ratio());
        assertEquals(0, row.ratioError(), 1e-12);
        assertEquals("went to 0", row.change());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void identicalRunsHaveNoChangeInEitherMode(Mode mode) {
        Comparison c = RunComparator.compare(baseline(), baseline(), CompareOptions.defaults().withMode(mode));
        assertEquals(0, c.exitCode());
        assertTrue(c.rows().stream().allMatch(r -> r.status() == Status.UNCHANGED || r.status() == Status.SKIPPED));
        assertTrue(c.headline().startsWith("PASS"), c.headline());
    }

    @Test
    void aProfileDifferenceIsNotedWhenSummariesAreComparedDirectly() {
        RunSummary quick = new RunSummary(RunSummary.FORMAT, "q", "quick", true, List.of(), baseline().rows());
        Comparison c = RunComparator.compare(baseline(), quick, ABSOLUTE);
        assertEquals(List.of("profile differs: smoke (baseline) vs quick (current)"), c.environmentNotes());
    }
}
