package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.scenario.ScenarioParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real JMH forks of real benchmarks, with the smallest settings that still give error bars. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmhRunTest {

    static Scenario scenario(String file, String yaml) throws Exception {
        return new ScenarioParser(BenchmarkCatalog.of().parameters()).parse(file, yaml);
    }

    /** Runs the smoke profile of a one-model, one-combination scenario in a real fork: its rows by metric. */
    static Map<String, ResultRow> smokeRows(Scenario s) throws Exception {
        PlanItem item = new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(s)), Profile.SMOKE,
                List.of(), List.of()).items().get(0);
        JmhInvocation.Outcome outcome = new JmhInvocation(List.of("--sun-misc-unsafe-memory-access=allow")).run(item);
        assertEquals(1, outcome.results().size(), outcome.output());
        return RowMapper.rows(item, outcome.results().iterator().next()).stream()
                .collect(java.util.stream.Collectors.toMap(ResultRow::metric, java.util.function.Function.identity()));
    }

    static final String DETERMINISM = """
            claim: "table: debugging"
            title: Determinism
            benchmark: DeterminismBenchmark.sharedCounter
            models: [platform-pool]
            metrics:
              lostUpdates: {unit: count, better: lower}
              distinctOutcomes: {unit: count, better: lower}
              voluntaryCtxSwitches: {unit: count, better: neutral}
              shot: {unit: ms, better: neutral, source: primary}
              notPublished: {unit: count, better: neutral}
            profiles:
              smoke: {params: {runs: [1]}, warmup: 0, iterations: 3}
              quick: {}
              full: {}
            """;

    @Test
    void mapsARealRunResultToRowsWithParamsErrorsAndUnits() throws Exception {
        Scenario s = scenario("scenarios/determinism.yaml", DETERMINISM);
        Planner.Plan plan = new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(s)), Profile.SMOKE,
                List.of(), List.of());
        assertEquals(1, plan.items().size());
        PlanItem item = plan.items().get(0);
        JmhInvocation.Outcome outcome = new JmhInvocation(List.of("--sun-misc-unsafe-memory-access=allow")).run(item);
        assertEquals(1, outcome.results().size(), outcome.output());
        List<ResultRow> rows = RowMapper.rows(item, outcome.results().iterator().next());
        assertEquals(List.of("lostUpdates", "distinctOutcomes", "voluntaryCtxSwitches", "shot"),
                rows.stream().map(ResultRow::metric).toList(), "a metric nobody published has no row");
        for (ResultRow r : rows) {
            assertEquals("determinism", r.scenario());
            assertEquals("DeterminismBenchmark.sharedCounter", r.benchmark());
            assertEquals("platform-pool", r.model());
            assertEquals(Map.of("runs", "1"), r.params());
            assertEquals(3, r.samples(), r.toString());
            assertTrue(r.guards().isEmpty(), r.guards().toString());
        }
        ResultRow distinct = rows.get(1);
        assertEquals("count", distinct.unit());
        assertEquals(1.0, distinct.value(), "one run has one outcome");
        assertEquals(Direction.LOWER_IS_BETTER, distinct.better());
        ResultRow shot = rows.get(3);
        assertEquals("ms", shot.unit(), "single-shot ms/op is the scenario's ms");
        assertTrue(shot.value() > 0 && Double.isFinite(shot.error()), shot.toString());
    }

    @Test
    void aBenchmarkThatFailsGivesNoResultAndAReason() throws Exception {
        Scenario s = scenario("scenarios/pooling.yaml", """
                claim: "tips: connection pooling"
                title: Pooling
                benchmark: PoolingBenchmark.request
                server: true
                models: [virtual]
                metrics:
                  request: {unit: us/op, better: lower, source: primary}
                profiles:
                  smoke: {params: {connections: [pooled]}, warmup: 0, iterations: 1}
                  quick: {}
                  full: {}
                """);
        PlanItem item = new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(s)), Profile.SMOKE,
                List.of(), List.of()).items().get(0);
        // no -Dconcbench.server: the benchmark must refuse rather than measure nothing
        JmhInvocation.Outcome outcome = new JmhInvocation(List.of()).run(item);
        assertTrue(outcome.results().isEmpty());
        assertTrue(outcome.failureReason().contains("needs the delay server"), outcome.failureReason());
    }
}
