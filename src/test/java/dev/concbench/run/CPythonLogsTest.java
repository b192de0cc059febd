package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concbench.bench.IoLoadBenchmark;
import dev.concbench.bench.PreemptionBenchmark;
import dev.concbench.bench.ScalabilityBenchmark;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CPython side's raw latencies become HdrHistogram logs named as the JVM benchmark of the scenario
 * names its own: milliseconds in, nanoseconds recorded, one interval per shot, one log per fork.
 */
@Timeout(300)
class CPythonLogsTest {

    private static JsonNode json(String text) throws IOException {
        return ResultsDir.json().readTree(text);
    }

    @Test
    void millisecondsAreRecordedAsNanosecondsOneIntervalPerShotStampedWhenItRan() throws IOException {
        List<LatencyRecorder> logs = CPythonLogs.read(json("""
                [{"scenario": "io-load", "model": "python-threads", "unit": "ms",
                  "params": {"delayMs": "100", "durationMs": "300", "poolSize": "20", "rate": "200"},
                  "forks": [[{"startMs": 1000, "endMs": 1300, "values": [1.5, 2.25]},
                             {"startMs": 2000, "endMs": 2300, "values": [100.0]}],
                            [{"startMs": 5000, "endMs": 5300, "values": [0.001]}]]}]"""));
        assertEquals(2, logs.size(), "one log per fork");
        LatencyRecorder first = logs.getFirst();
        // the JVM's io-load identity: the server delay and the rate, not the CPython side's own parameters
        assertEquals(IoLoadBenchmark.logIdentity("python-threads", "100", "200"), first.identity());
        Histogram all = first.total();
        assertEquals(3, all.getTotalCount());
        assertTrue(all.valuesAreEquivalent(1_500_000, all.getMinValue()), "1.5 ms is 1,500,000 ns: " + all.getMinValue());
        assertTrue(all.valuesAreEquivalent(100_000_000, all.getMaxValue()), "100 ms: " + all.getMaxValue());
        assertTrue(logs.get(1).total().valuesAreEquivalent(1_000, logs.get(1).total().getMaxValue()), "1 us");
    }

    @Test
    void eachScenarioIsNamedAsItsJvmBenchmarkNamesIt() throws IOException {
        assertEquals(PreemptionBenchmark.logIdentity("python-asyncio", null, "cpu-hog"), CPythonLogs.identity(
                "preemption", "python-asyncio", Map.of("disturbance", "cpu-hog", "durationMs", "200")));
        assertEquals(ScalabilityBenchmark.logIdentity("python-uvloop", "sleep", "10000"), CPythonLogs.identity(
                "scalability", "python-uvloop", Map.of("tasks", "10000", "work", "sleep")));
        assertEquals(new LogIdentity("scalability", "python-uvloop", Map.of("work", "sleep", "tasks", "10000"), "tasks"),
                CPythonLogs.identity("scalability", "python-uvloop", Map.of("tasks", "10000", "work", "sleep")));
    }

    @Test
    void aLogTheJvmWouldNotWriteOrInAnotherUnitIsRefused() {
        String entry = """
                [{"scenario": "%s", "model": "%s", "unit": "%s", "params": {"disturbance": "none"}, "forks": [[]]}]""";
        assertTrue(assertThrows(IOException.class, () -> CPythonLogs.read(json(entry.formatted("spawn", "python-threads",
                "ms")))).getMessage().contains("whose JVM benchmark writes none"));
        assertTrue(assertThrows(IOException.class, () -> CPythonLogs.read(json(entry.formatted("preemption",
                "python-threads", "us")))).getMessage().contains("expected ms"));
        assertTrue(assertThrows(IOException.class, () -> CPythonLogs.read(json(entry.formatted("preemption", "virtual",
                "ms")))).getMessage().contains("not a CPython model"));
        assertTrue(assertThrows(IOException.class, () -> CPythonLogs.read(json(entry.formatted("io-load",
                "python-threads", "ms")))).getMessage().contains("without its 'delayMs' parameter"));
    }

    /**
     * The real side on the smoke profile's shots: each combination's log carries the JVM's identity
     * header, one interval per measured shot, and exactly the values the shots handed over.
     */
    @ParameterizedTest
    @ValueSource(strings = {"preemption", "scalability"})
    void theRealSidesShotsBecomeOneLogPerBenchmark(String scenario, @TempDir Path dir) throws Exception {
        CPythonSide side = CPythonSideTest.requireSide();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        CPythonSide.Result r = side.run(scenario, "smoke", List.of("python-asyncio"), null, dir,
                new PrintStream(said, true));
        assertEquals(List.of(), r.missing(), said.toString());
        JsonNode out = ResultsDir.json().readTree(dir.resolve("python-" + scenario + ".json").toFile());
        Path histograms = Files.createDirectories(dir.resolve(ResultsDir.HISTOGRAMS));
        for (LatencyRecorder log : r.logs()) {
            log.write(histograms);
        }
        assertEquals(out.path("logs").size(), r.logs().size(), "one fork per combination in smoke");
        for (JsonNode entry : out.path("logs")) {
            var params = new java.util.LinkedHashMap<String, String>();
            entry.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            LogIdentity id = CPythonLogs.identity(scenario, "python-asyncio", params);
            Path file = histograms.resolve(id.fileStem() + ".hlog");
            assertTrue(Files.exists(file), file + " in " + List.of(histograms.toFile().list()));
            assertTrue(Files.readAllLines(file).contains("#" + id.comment()), "identity header of " + file);
            assertEquals(id, LogIdentity.read(file).orElseThrow());
            List<Histogram> intervals = intervals(file);
            JsonNode shots = entry.path("forks").get(0);
            ResultRow row = r.rows().stream().filter(x -> x.params().equals(params)).findFirst().orElseThrow();
            assertEquals(row.samples(), intervals.size(), "one interval per measured shot");
            for (int i = 0; i < intervals.size(); i++) {
                JsonNode values = shots.get(i).path("values");
                assertTrue(values.size() > 0, "shot " + i + " handed over no values");
                assertEquals(values.size(), intervals.get(i).getTotalCount(), "shot " + i + "'s value count");
                double maxMs = 0;
                for (JsonNode v : values) {
                    maxMs = Math.max(maxMs, v.asDouble());
                }
                long maxNanos = Math.round(maxMs * CPythonLogs.NANOS_PER_MS);
                assertTrue(intervals.get(i).valuesAreEquivalent(maxNanos, intervals.get(i).getMaxValue()),
                        "shot " + i + ": max " + maxMs + " ms recorded as " + intervals.get(i).getMaxValue() + " ns");
            }
        }
    }

    private static List<Histogram> intervals(Path file) throws IOException {
        List<Histogram> out = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
                out.add((Histogram) h);
            }
        }
        return out;
    }

    /** The run writes each CPython scenario's logs into its own histograms directory (here through a stub interpreter). */
    @Test
    void theRunWritesTheLogsIntoItsHistogramsDirectory(@TempDir Path dir) throws Exception {
        CPythonSide side = CPythonSideTest.stubSide(dir, """
                {"preemption": ["python-asyncio"]}""", """
                {"rows": [], "missing": [], "logs": [{"scenario": "preemption", "model": "python-asyncio",
                  "params": {"disturbance": "none"}, "unit": "ms",
                  "forks": [[{"startMs": 1000, "endMs": 1250, "values": [0.5, 0.75]}]]}]}""");
        Path out = Files.createDirectories(dir.resolve("results"));
        BenchRun.Outcome outcome = new BenchRun(out, dev.concbench.scenario.Profile.SMOKE,
                new Planner.Plan(List.of(), List.of()), "run", java.time.Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true), false, CPythonRun.of(side, List.of(), List.of())).run();
        Path file = outcome.results().path().resolve(ResultsDir.HISTOGRAMS).resolve("preemption-python-asyncio-none.hlog");
        assertEquals(PreemptionBenchmark.logIdentity("python-asyncio", null, "none"), LogIdentity.read(file).orElseThrow());
        assertEquals(2, intervals(file).getFirst().getTotalCount());
    }
}
