package dev.concbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.results.Direction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScenarioParserTest {

    private static final ScenarioParser PARSER = new ScenarioParser(Map.of(
            "FooBenchmark.run", Set.of("model", "units", "poolSize"),
            "FooBenchmark.*", Set.of("model", "units", "poolSize")));

    /** A valid file; tests break one line of it at a time (line numbers below refer to this text). */
    private static final String VALID = """
            claim: "table: memory usage"
            title: Memory
            description: what it does
            benchmark: FooBenchmark.run
            models: [eventloop, virtual, {name: platform-pool, poolSize: 8}, {name: virtual, carriers: 1}]
            metrics:
              rssPerUnit: {unit: bytes, better: lower}
              time: {unit: ms, better: neutral, source: primary}
            thresholds: {rssPerUnit: 0.5}
            profiles:
              smoke:
                params: {units: [10]}
              quick:
                params: {units: [10, 100]}
                forks: 2
              full:
                params: {units: [10, 100]}
                extra:
                  - models: [virtual]
                    params: {units: [1000000]}
                iterations: 7
            """;

    @Test
    void parsesEveryField() throws ScenarioException {
        Scenario s = PARSER.parse("scenarios/memory.yaml", VALID);
        assertEquals("memory", s.name());
        assertEquals("table: memory usage", s.claim());
        assertEquals("FooBenchmark.run", s.benchmark());
        assertEquals("FooBenchmark", s.benchmarkClass());
        assertEquals(List.of("eventloop", "virtual", "platform-pool[poolSize=8]", "virtual[carriers=1]"),
                s.models().stream().map(ModelSpec::label).toList());
        assertEquals(List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1"),
                s.models().get(3).jvmArgs());
        assertEquals(new MetricSpec("rssPerUnit", "bytes", Direction.LOWER_IS_BETTER, "rssPerUnit"), s.metrics().get(0));
        assertTrue(s.metrics().get(1).primary());
        assertEquals(0.5, s.thresholds().get("rssPerUnit"));
        assertEquals(List.of("10"), s.plan(Profile.SMOKE).sweeps().get(0).params().get("units"));
        assertEquals(Profile.SMOKE.defaults(), s.plan(Profile.SMOKE).settings());
        assertEquals(2, s.plan(Profile.QUICK).settings().forks());
        assertEquals(7, s.plan(Profile.FULL).settings().iterations());
        ParamSweep extra = s.plan(Profile.FULL).sweeps().get(1);
        assertTrue(extra.appliesTo("virtual"));
        assertTrue(!extra.appliesTo("eventloop"));
        assertTrue(!s.server());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown model            | models: [eventloop, virtual        | models: [eventloop, virtul                  | 5: unknown model 'virtul' (expected one of eventloop, platform-pool, thread-per-task, virtual, process-pool, eventloop+offload, coroutines, netty)
            a CPython model          | models: [eventloop, virtual        | models: [eventloop, python-threads          | 5: model 'python-threads' runs in CPython, and the run adds CPython's rows by itself (expected one of eventloop, platform-pool, thread-per-task, virtual, process-pool, eventloop+offload, coroutines, netty)
            unknown top-level key    | description: what it does          | descrption: what it does                    | 3: unknown key 'descrption' (expected one of claim, title,
            missing key              | title: Memory                      | "#"                                         | 1: missing 'title' in the scenario
            unknown benchmark        | benchmark: FooBenchmark.run        | benchmark: BarBenchmark.run                 | 4: unknown benchmark 'BarBenchmark.run' (expected one of FooBenchmark.*, FooBenchmark.run)
            bad direction            | {unit: bytes, better: lower}       | {unit: bytes, better: smaller}              | 7: better 'smaller' is not a direction (expected one of lower, higher, neutral)
            metric without unit      | {unit: bytes, better: lower}       | {better: lower}                             | 7: missing 'unit' in metric 'rssPerUnit'
            duplicate key            | title: Memory                      | title: Memory\\ntitle: Again               | 3: duplicate key 'title'
            threshold of no metric   | {rssPerUnit: 0.5}                  | {rss: 0.5}                                  | 9: threshold for unknown metric 'rss' (expected one of rssPerUnit, time)
            threshold out of range   | {rssPerUnit: 0.5}                  | {rssPerUnit: 50}                            | 9: threshold '50' for rssPerUnit must be a fraction
            unknown parameter        | params: {units: [10]}              | params: {unit: [10]}                        | 12: unknown parameter 'unit' (expected one of poolSize, units)
            model param not in bench | {name: platform-pool, poolSize: 8} | {name: platform-pool, size: 8}              | 5: unknown model key 'size' (expected one of name, poolSize, stack, carriers, workers, offload)
            model param of no bench  | {name: platform-pool, poolSize: 8} | {name: platform-pool, workers: 8}           | 5: model parameter 'workers' is not a parameter of this benchmark
            carriers not a number    | {name: virtual, carriers: 1}       | {name: virtual, carriers: one}              | 5: carriers 'one' is not an integer
            stack of another model   | {name: virtual, carriers: 1}       | {name: virtual, stack: 8m}                  | 5: model parameter 'stack' does not apply to model 'virtual' (it takes carriers)
            stack not a size         | {name: virtual, carriers: 1}       | {name: thread-per-task, stack: lots}        | 5: model parameter 'stack' must be a size such as 8m or 512k, was 'lots'
            forks below 1            | forks: 2                           | forks: 0                                    | 15: forks must be 1..20 (found 0)
            forks not a number       | forks: 2                           | forks: many                                 | 15: forks 'many' is not an integer
            unknown profile          | "  smoke:"                         | "  smok:"                                   | 11: unknown profile 'smok' (expected one of smoke, quick, full, gate)
            extra model not run      | "      - models: [virtual]"        | "      - models: [thread-per-task]"        | 19: extra sweep names model 'thread-per-task' that the scenario does not run
            unknown profile key      | iterations: 7                      | iteratons: 7                                | 21: unknown profile key 'iteratons' (expected one of models, params, extra, forks, warmup, iterations, time)
            models not a list        | models: [eventloop, virtual        | models: virtual\\n#                         | 5: models: expected a list, found a scalar
            invalid YAML             | title: Memory                      | "title: [Memory"                            | invalid YAML
            server not a boolean     | description: what it does          | server: maybe                               | 3: server 'maybe' is not a boolean (expected true or false)
            methodParam needs Class.* | description: what it does         | methodParam: example                        | 3: methodParam needs a benchmark of the form Class.*
            """)
    void rejectsWithFileAndLine(String what, String find, String replace, String expected) {
        String text = VALID.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(
                replace.replace("\\n", "\n")));
        String finalText = text;
        ScenarioException e = assertThrows(ScenarioException.class, () -> PARSER.parse("scenarios/memory.yaml", finalText));
        assertTrue(e.getMessage().startsWith("scenarios/memory.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void missingProfileIsNamed() {
        String text = VALID.replace("  smoke:\n    params: {units: [10]}\n", "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> PARSER.parse("scenarios/memory.yaml", text));
        assertEquals("scenarios/memory.yaml:11: missing profile 'smoke' (every scenario names smoke, quick and full)",
                e.getMessage());
    }

    @Test
    void emptyFileAndBadNameAreRejected() {
        assertEquals("scenarios/x.yaml:1: empty file (expected a mapping of scenario keys)",
                assertThrows(ScenarioException.class, () -> PARSER.parse("scenarios/x.yaml", "")).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> PARSER.parse("scenarios/Bad_Name.yaml", VALID))
                .getMessage().contains("must be lower-case letters, digits and dashes"));
    }

    /** A parameter that accepts only some values (the bench's {@code @ParamValues}) refuses others, as a profile's or a model's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            profile sweep value  | params: {units: [10, 100]}          | params: {units: [10, 7]}              | 14: parameter 'units' has no value '7' (expected one of 10, 100, 1000000)
            model parameter      | {name: platform-pool, poolSize: 8}  | {name: platform-pool, poolSize: 3}    | 5: parameter 'poolSize' has no value '3' (expected one of 4, 8)
            """)
    void aParameterWithListedValuesRefusesAnother(String what, String find, String replace, String expected) {
        ScenarioParser only = new ScenarioParser(Map.of("FooBenchmark.run", Set.of("model", "units", "poolSize")),
                Map.of("FooBenchmark.run", Map.of("units", List.of("10", "100", "1000000"), "poolSize", List.of("4", "8"))));
        String text = VALID.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));
        ScenarioException e = assertThrows(ScenarioException.class, () -> only.parse("scenarios/memory.yaml", text));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    @Test
    void listedValuesAreAccepted() throws ScenarioException {
        ScenarioParser only = new ScenarioParser(Map.of("FooBenchmark.run", Set.of("model", "units", "poolSize")),
                Map.of("FooBenchmark.run", Map.of("units", List.of("10", "100", "1000000"), "poolSize", List.of("4", "8"))));
        assertEquals(List.of("10", "100"), only.parse("scenarios/memory.yaml", VALID).plan(Profile.QUICK).sweeps().get(0)
                .params().get("units"));
    }

    @Test
    void classWildcardTakesAMethodParam() throws ScenarioException {
        Scenario s = PARSER.parse("scenarios/ex.yaml", VALID.replace("benchmark: FooBenchmark.run",
                "benchmark: FooBenchmark.*\nmethodParam: example"));
        assertEquals("example", s.methodParam());
    }
}
