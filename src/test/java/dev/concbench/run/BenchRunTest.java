package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.Scenario;
import dev.concbench.scenario.ScenarioCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A whole (tiny) run: the results directory is complete and in the formats the layout promises. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchRunTest {

    @TempDir
    Path tmp;

    @Test
    void writesACompleteResultsDirectory() throws Exception {
        Scenario preemption = JmhRunTest.scenario("scenarios/preemption.yaml", """
                claim: "table: concurrency model"
                title: Preemption
                benchmark: PreemptionBenchmark.heartbeat
                models: [platform-pool, thread-per-task]
                metrics:
                  lateness.p99: {unit: ms, better: lower}
                  lateness.max: {unit: ms, better: lower}
                profiles:
                  smoke: {params: {disturbance: [none], durationMs: [100]}, warmup: 0, iterations: 2}
                  quick: {}
                  full: {}
                """);
        Planner.Plan plan = new Planner(BenchmarkCatalog.of()).plan(new ScenarioCatalog(List.of(preemption)),
                Profile.SMOKE, List.of(), List.of());
        assertEquals(1, plan.items().size(), "thread-per-task is not implemented by this benchmark");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T22:15:07Z"), ZoneOffset.UTC);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchRun run = new BenchRun(tmp, Profile.SMOKE, plan, "run-bench.sh run --profile smoke", clock,
                new PrintStream(progress, true, StandardCharsets.UTF_8), false);
        BenchRun.Outcome outcome = run.run();

        assertEquals(BenchRun.State.FINISHED, run.state());
        assertEquals(tmp.resolve("20261123-221507-smoke"), outcome.results().path());
        ResultsDir dir = ResultsDir.open(outcome.results().path());
        RunSummary summary = dir.readSummary();
        assertEquals("20261123-221507-smoke", summary.runId());
        assertEquals(2, summary.rows().size(), summary.rows().toString());
        assertEquals(1, summary.missing().size());
        assertTrue(summary.missing().get(0).startsWith("preemption/thread-per-task: "), summary.missing().toString());
        assertTrue(!summary.complete(), "a pair that could not run makes the run incomplete");
        assertNotNull(dir.readEnv().end());
        assertEquals("smoke", dir.readEnv().profile());
        assertEquals(3, Files.readString(outcome.results().path().resolve(ResultsDir.SUMMARY_CSV)).lines().count(),
                "a header and two rows");

        JsonNode jmh = ResultsDir.json().readTree(outcome.results().path().resolve(ResultsDir.JMH).toFile());
        assertTrue(jmh.isArray() && jmh.size() == 1, "JMH's JSON: one entry per benchmark run");
        assertEquals("1.37", jmh.get(0).get("jmhVersion").asText());
        assertEquals("dev.concbench.bench.PreemptionBenchmark.heartbeat", jmh.get(0).get("benchmark").asText());
        assertTrue(jmh.get(0).get("secondaryMetrics").has("lateness.p99"));

        Path hlog = outcome.results().path().resolve("histograms/preemption-platform-pool-none.hlog");
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            assertNotNull(reader.nextIntervalHistogram(), "the fork wrote its heartbeat log");
        }
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("scenario 1/1: PreemptionBenchmark.heartbeat preemption/platform-pool"), lines);
    }
}
