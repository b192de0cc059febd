package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.scenario.ScenarioDirectory;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.RuntimeKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CPython side: finding the interpreter, the contract between {@code python/concbench_py} and
 * the JVM's vocabulary, and the Python package's own unittest suite (run here, so the README's test
 * command and CI run it with the rest; skipped when the machine has no python3 >= 3.10).
 */
@Timeout(400)
class CPythonSideTest {

    private static final Path PROJECT = ScenarioDirectory.projectDir();
    private static final Path PACKAGE = PROJECT.resolve("python");

    private static CPythonSide side() {
        return CPythonSide.locate(PROJECT);
    }

    @Test
    void thePythonPackagesOwnTestsPass() throws Exception {
        CPythonSide side = side();
        assumeTrue(side.runs(), "no CPython side here: " + side.info().absent());
        ProcessBuilder pb = new ProcessBuilder(side.info().executable(), "-m", "unittest", "discover", "-s", "tests",
                "-t", ".").directory(PACKAGE.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", PACKAGE.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python3 -m unittest did not finish in 300 s");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OK"), out);
    }

    @Test
    void guardCountsBecomeTheGuardTextOfTheVocabulary() throws IOException {
        var json = ResultsDir.json().readTree("""
                {"rows": [{"scenario": "cpu-bound", "benchmark": "concbench_py.burn", "model": "python-threads",
                  "params": {"workers": "2"}, "metric": "time", "value": 12.5, "unit": "ms/op", "error": 0.5,
                  "samples": 8, "better": "lower", "guards": [], "guardCounts": {"cpuContended": 3},
                  "perFork": [[12.0, 13.0]]}], "missing": ["io-load/python-threads: fork failed"]}""");
        CPythonSide.Result r = CPythonSide.rows(json);
        ResultRow row = r.rows().getFirst();
        assertEquals(List.of(Guard.CPU_CONTENDED.note(3)), row.guards());
        assertEquals(List.of(List.of(12.0, 13.0)), row.perFork());
        assertEquals(8, row.samples());
        assertEquals(List.of("io-load/python-threads: fork failed"), r.missing());
    }

    @Test
    void aRowOfAJvmModelIsRefused() throws IOException {
        var json = ResultsDir.json().readTree("""
                {"rows": [{"scenario": "spawn", "benchmark": "x", "model": "virtual", "metric": "spawn", "value": 1,
                  "unit": "us/op", "error": 0, "samples": 3, "better": "lower"}]}""");
        assertThrows(IOException.class, () -> CPythonSide.rows(json));
    }

    @Test
    void aMissingOrOldPythonIsAReasonNotAFailure(@TempDir Path dir) throws IOException {
        CPythonSide missing = CPythonSide.locate(PROJECT, dir.resolve("no-such-python").toString());
        assertFalse(missing.runs());
        assertTrue(missing.info().absent().contains("no-such-python"), missing.info().absent());
        Path old = dir.resolve("python3.8");
        Files.writeString(old, "#!/bin/sh\necho '{\"version\": \"3.8.10\", \"models\": {}}'\n");
        assertTrue(old.toFile().setExecutable(true));
        CPythonSide tooOld = CPythonSide.locate(PROJECT, old.toString());
        assertFalse(tooOld.runs());
        assertTrue(tooOld.info().absent().contains("older than 3.10"), tooOld.info().absent());
        assertEquals(List.of(), tooOld.scenarios(List.of(), List.of()));
    }

    @Test
    void theRunsFiltersChooseTheCPythonScenarios() {
        CPythonSide side = side();
        assumeTrue(side.runs(), "no CPython side here: " + side.info().absent());
        assertEquals(CPythonSide.SCENARIOS, side.scenarios(List.of(), List.of()));
        assertEquals(List.of("memory"), side.scenarios(List.of("memory", "pooling"), List.of()));
        assertEquals(List.of(), side.scenarios(List.of(), List.of("eventloop")));
        assertEquals(CPythonSide.SCENARIOS, side.scenarios(List.of(), List.of("eventloop", "python-threads")));
    }

    /** The Python package names the models, scenarios and guard keys the JVM's vocabulary defines. */
    @Test
    void thePythonPackageSpeaksTheVocabulary() throws IOException {
        String models = Files.readString(PACKAGE.resolve("concbench_py/models.py"));
        for (String id : ModelKind.ids(RuntimeKind.CPYTHON)) {
            assertTrue(models.contains("\"" + id + "\""), id + " not in models.py");
        }
        String scenarios = Files.readString(PACKAGE.resolve("concbench_py/scenarios/__init__.py"));
        for (String s : CPythonSide.SCENARIOS) {
            assertTrue(scenarios.contains("\"" + s + "\""), s + " not in scenarios/__init__.py");
        }
        Pattern key = Pattern.compile("\"(?:guard|stall):(\\w+)\"|\\(\"(threadStalled)\"|\"(loopBlocked)\"\\)");
        try (Stream<Path> files = Files.list(PACKAGE.resolve("concbench_py/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".py")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    assertTrue(Guard.of(k).isPresent(), f.getFileName() + " publishes guard key '" + k
                            + "', which vocab.Guard does not have");
                }
            }
        }
    }
}
