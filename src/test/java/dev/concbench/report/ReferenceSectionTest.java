package dev.concbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RunSummary;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.scenario.ScenarioParser;
import java.nio.file.Path;
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
        assertEquals("cannot tell: our row has no error", noError.verdict());
    }

    /** Our hand-off and Netty's, each {@code value ± error} ns, compared. */
    private static ReferenceSection.PairRow handoffs(double ours, double oursError, double netty, double nettyError) {
        return ReferenceSection.pair(row("eventloop", "handoff", ours, oursError, Direction.LOWER_IS_BETTER),
                row("netty", "handoff", netty, nettyError, Direction.LOWER_IS_BETTER));
    }

    @Test
    void aRatioWhoseIntervalIsUnboundedIsTooNoisyUnlessItsBoundedEndExcludesOne() {
        // our error reaches 0: Fieller's interval for netty / ours is unbounded above
        ReferenceSection.PairRow noisy = handoffs(40, 45, 42, 4);
        assertEquals("unknown", noisy.css());
        assertTrue(noisy.verdict().matches("too noisy to tell \\(interval [0-9.]+\\.\\.∞\\)"), noisy.verdict());
        // the same, but netty's value so far above ours that even the interval's lower end is above 1
        assertEquals(List.of("differs", "ours ahead by at least 4.76x"),
                List.of(handoffs(10, 11, 100, 1).css(), handoffs(10, 11, 100, 1).verdict()));
    }

    @Test
    void theSummarySaysHowManyPairsCouldNotBeComparedAndWhy() {
        List<ResultRow> rows = new java.util.ArrayList<>();
        for (String metric : List.of("handoff", "spawn", "lateness", "rss")) {
            rows.add(row("eventloop", metric, 40, metric.equals("spawn") ? 45 : 4, Direction.LOWER_IS_BETTER));
            rows.add(row("netty", metric, 42, 4, Direction.LOWER_IS_BETTER, switch (metric) {
                case "lateness" -> new String[] {"cpu-contended: 3 of 10"};
                case "rss" -> new String[] {"incomplete: 2"};
                default -> new String[0];
            }));
        }
        ReferenceSection.ReferenceView view = ReferenceSection.of(summary(rows.toArray(ResultRow[]::new)));
        assertEquals("1 of 4 metrics alike within their error; none differs beyond it; 3 could not be compared:"
                + " 2 with a guarded row, 1 too noisy to tell (the ratio's interval unbounded: a row's error reaches"
                + " down to 0).", view.summary());
    }

    @Test
    void eachRowSaysWhatEachSideMeasured() {
        ReferenceSection.PairRow handoff = handoffs(40, 4, 42, 4);
        assertTrue(handoff.measured().startsWith("ours: two tasks waking each other through loop futures")
                && handoff.measured().contains("; netty: two tasks that execute each other"), handoff.measured());
        ResultRow sleep = new ResultRow("scalability", "ScalabilityBenchmark.run", "netty", Map.of("tasks", "100", "work", "sleep"),
                "latencyFromGate.p99", 1, "ms", 0.1, 5, Direction.LOWER_IS_BETTER, List.of());
        ResultRow http = new ResultRow("scalability", "ScalabilityBenchmark.run", "netty", Map.of("tasks", "100", "work", "http"),
                "latencyFromGate.p99", 1, "ms", 0.1, 5, Direction.LOWER_IS_BETTER, List.of());
        assertTrue(NettyMechanisms.of(sleep).orElseThrow().text().contains("schedules the timer"));
        assertTrue(NettyMechanisms.of(http).orElseThrow().text().startsWith("both: the same workloads"));
    }

    /** Netty's hand-off stands beside both of ours; the futures pair says it is not like for like, the execute pair says both ran the same. */
    @Test
    void nettysHandoffStandsBesideOursByBothMechanismsAndSaysWhichIsLikeForLike() {
        ResultRow execute = new ResultRow("context-switch", "ContextSwitchBenchmark.handoff", "eventloop",
                Map.of("pinned", "false", "mechanism", "execute"), "handoff", 20, "ns/op", 1, 10, Direction.LOWER_IS_BETTER,
                List.of());
        ReferenceSection.ReferenceView view = ReferenceSection.of(summary(
                row("eventloop", "handoff", 40, 1, Direction.LOWER_IS_BETTER), execute,
                row("netty", "handoff", 30, 1, Direction.LOWER_IS_BETTER),
                new ResultRow("context-switch", "ContextSwitchBenchmark.handoff", "eventloop", Map.of("pinned", "true"),
                        "handoff", 50, "ns/op", 1, 10, Direction.LOWER_IS_BETTER, List.of())));
        assertEquals(2, view.rows().size(), view.rows().toString());
        ReferenceSection.PairRow futures = view.rows().stream().filter(r -> !r.what().contains("mechanism")).findFirst().orElseThrow();
        ReferenceSection.PairRow same = view.rows().stream().filter(r -> r.what().contains("mechanism=execute")).findFirst().orElseThrow();
        assertTrue(futures.measured().startsWith("ours: two tasks waking each other through loop futures")
                && futures.measured().endsWith("(different mechanisms; like for like: our mechanism=execute row)"),
                futures.measured());
        assertEquals("netty ahead by 1.33x", futures.verdict());
        assertTrue(same.measured().startsWith("both: two tasks that execute each other"), same.measured());
        assertEquals("ours ahead by 1.50x", same.verdict());
    }

    @Test
    void everyShippedScenarioThatRunsNettyHasANote() throws Exception {
        ScenarioCatalog catalog = ScenarioCatalog.load(Path.of("scenarios"), "scenarios",
                new ScenarioParser(BenchmarkCatalog.of().parameters()));
        List<String> withNetty = catalog.scenarios().stream()
                .filter(s -> s.models().stream().anyMatch(m -> m.name().equals("netty"))).map(Scenario::name).toList();
        assertTrue(withNetty.size() >= 4, withNetty.toString());
        for (String scenario : withNetty) {
            assertTrue(NettyMechanisms.NOTES.stream().anyMatch(n -> n.scenario().equals(scenario) && n.param() == null),
                    scenario + " runs netty but NettyMechanisms has no note for all its rows");
        }
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
