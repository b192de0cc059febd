package dev.concbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.api.Assumptions;
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

    /**
     * The located side, which must run: skipped only where no python3 >= 3.10 exists at all and
     * CI is not set. A python3 >= 3.10 that the side cannot use (a broken concbench_py) fails, and so
     * does any missing side under {@code CI=true} (.ci/run has python3), as ChromiumTest does.
     */
    static CPythonSide requireSide() throws Exception {
        CPythonSide side = side();
        if (side.runs()) {
            return side;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but no CPython side: " + side.info().absent());
        }
        for (String python : Stream.of(System.getenv(CPythonSide.PYTHON_ENV), "python3", CPythonSide.SYSTEM_PYTHON)
                .filter(java.util.Objects::nonNull).toList()) {
            if (recentPython(python)) {
                fail(python + " is a CPython >= 3." + CPythonSide.MIN_MINOR + " but the CPython side does not run on it: "
                        + side.info().absent());
            }
        }
        System.err.println("*** CPythonSideTest: no python3 >= 3.10 here; the CPython side's checks did not run ***");
        Assumptions.abort("no CPython side here: " + side.info().absent());
        return side;
    }

    /** Whether {@code python} runs and is a CPython 3.x >= {@link CPythonSide#MIN_MINOR}, asked without our package. */
    private static boolean recentPython(String python) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys, platform; sys.exit(0 if sys.version_info >= (3, "
                    + CPythonSide.MIN_MINOR + ") and platform.python_implementation() == 'CPython' else 1)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void thePythonPackagesOwnTestsPass() throws Exception {
        CPythonSide side = requireSide();
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
    void oneContendedShotInTenIsToleratedAsOnTheJvm() throws IOException {
        String row = """
                {"rows": [{"scenario": "cpu-bound", "benchmark": "concbench_py.burn", "model": "python-processes",
                  "params": {"workers": "2"}, "metric": "time", "value": 12.5, "unit": "ms/op", "error": 0.5,
                  "samples": 10, "better": "lower", "guardCounts": {"%s": %d}}]}""";
        assertEquals(List.of(), guards(row.formatted("cpuContended", 1)), "1 of 10 is tolerated");
        assertEquals(List.of(Guard.CPU_CONTENDED.note(2)), guards(row.formatted("cpuContended", 2)));
        assertEquals(List.of(Guard.LOOP_BLOCKED.note(1)), guards(row.formatted("loopBlocked", 1)), "no tolerance");
    }

    private static List<String> guards(String output) throws IOException {
        return CPythonSide.rows(ResultsDir.json().readTree(output)).rows().getFirst().guards();
    }

    /** summary.json's NaN: the string "NaN" (a metric seen in one shot has no interval). */
    @Test
    void aNaNErrorIsReadAsNaN() throws IOException {
        var json = ResultsDir.json().readTree("""
                {"rows": [{"scenario": "spawn", "benchmark": "concbench_py.spawn", "model": "python-threads",
                  "metric": "spawn", "value": 1.5, "unit": "us/op", "error": "NaN", "samples": 1, "better": "lower",
                  "perFork": [[1.5]]}]}""");
        assertTrue(Double.isNaN(CPythonSide.rows(json).rows().getFirst().error()));
    }

    /** bench.CpuBenchmark's tolerance and concbench_py's are one rule: they agree over a grid. */
    @Test
    void theContendedThresholdIsTheJvms() throws Exception {
        CPythonSide side = requireSide();
        ProcessBuilder pb = new ProcessBuilder(side.info().executable(), "-c", "from concbench_py import cpu\n"
                + "for cores in range(1, 9):\n    for used in range(0, 10):\n"
                + "        print(used, cores, repr(cpu.tolerated_others_share(used, cores)))")
                .directory(PACKAGE.toFile()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", PACKAGE.toString());
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().lines().toList();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(8 * 10, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            String[] f = line.split(" ");
            assertEquals(dev.concbench.bench.CpuBenchmark.toleratedOthersShare(Integer.parseInt(f[0]), Integer.parseInt(f[1])),
                    Double.parseDouble(f[2]), 1e-12, line);
        }
    }

    @Test
    void aPython3ThatIsNotCPythonIsOneLineSayingWhatItPrinted(@TempDir Path dir) throws IOException {
        Path other = dir.resolve("python3");
        Files.writeString(other, "#!/bin/sh\necho 'Python 3.8.10'\n");
        assertTrue(other.toFile().setExecutable(true));
        String why = CPythonSide.locate(PROJECT, other.toString()).info().absent();
        assertEquals(other + " printed no environment description (expected concbench_py's JSON): 'Python 3.8.10'", why);
    }

    /** A timed-out interpreter goes with its {@code --child} forks: the whole tree, not the top process. */
    @Test
    void aTimeoutKillsTheInterpreterAndItsForks(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path script = dir.resolve("forks.sh");
        Files.writeString(script, "sleep 300 &\necho $! > " + pidFile + "\nwait\n");
        IOException e = assertThrows(IOException.class, () -> CPythonSide.call(List.of("sh", script.toString()), dir, 2));
        assertTrue(e.getMessage().contains("did not finish in 2 s"), e.getMessage());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        java.util.Optional<ProcessHandle> child = ProcessHandle.of(pid);
        if (child.isPresent()) {
            child.get().onExit().get(30, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the fork " + pid + " outlived its parent");
    }

    /**
     * Until a CPython scenario has run, the summary lists it as not run (an interrupted run shows what it
     * did not measure on either side): read as the first CPython scenario starts, through a stub interpreter.
     */
    @Test
    void theCPythonScenariosNotYetRunAreMissing(@TempDir Path dir) throws Exception {
        CPythonSide side = stubSide(dir, """
                {"spawn": ["python-asyncio"], "memory": ["python-asyncio"]}""", """
                {"rows": [], "missing": []}""");
        assertTrue(side.runs(), side.info().absent());
        CPythonRun python = CPythonRun.of(side, List.of(), List.of());
        assertEquals(List.of("spawn", "memory"), python.scenarios());
        Path out = Files.createDirectories(dir.resolve("results"));
        java.util.concurrent.atomic.AtomicReference<List<String>> atFirst = new java.util.concurrent.atomic.AtomicReference<>();
        java.io.OutputStream spy = new java.io.OutputStream() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public void write(int b) {
                text.append((char) b);
                if (atFirst.get() == null && text.toString().contains("CPython spawn")) {
                    try (var dirs = Files.list(out)) {
                        atFirst.set(ResultsDir.open(dirs.findFirst().orElseThrow()).readSummary().missing());
                    } catch (IOException | dev.concbench.results.ResultsFormatException e) {
                        atFirst.set(List.of(e.toString()));
                    }
                }
            }
        };
        BenchRun.Outcome outcome = new BenchRun(out, dev.concbench.scenario.Profile.SMOKE,
                new Planner.Plan(List.of(), List.of()), "run", java.time.Clock.systemUTC(),
                new java.io.PrintStream(spy, true), false, python).run();
        assertEquals(List.of("spawn/python: not run (the run was interrupted or is still running)",
                "memory/python: not run (the run was interrupted or is still running)"), atFirst.get());
        assertTrue(outcome.summary().complete(), outcome.summary().missing().toString());
    }

    /**
     * A side whose interpreter is a shell stub in {@code dir}: it describes itself as a CPython 3.11 running
     * {@code python-asyncio} in {@code scenarios} (JSON), and writes {@code output} (JSON, no single quote) as
     * every scenario's output file.
     */
    static CPythonSide stubSide(Path dir, String scenarios, String output) throws IOException {
        Path stub = dir.resolve("python3");
        Files.writeString(stub, """
                #!/bin/sh
                if [ "$1" = "-c" ]; then
                  echo '{"executable": "'"$0"'", "version": "3.11.0", "models": {"python-asyncio": "available"},
                    "scenarios": %s}'
                  exit 0
                fi
                while [ $# -gt 0 ]; do [ "$1" = "--out" ] && echo '%s' > "$2"; shift; done
                """.formatted(scenarios, output));
        assertTrue(stub.toFile().setExecutable(true));
        return CPythonSide.locate(PROJECT, stub.toString());
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
        assertTrue(tooOld.whyNothing(List.of(), List.of("python-threads")).startsWith("no CPython side: " + old),
                tooOld.whyNothing(List.of(), List.of("python-threads")));
    }

    @Test
    void theRunsFiltersChooseTheCPythonScenarios() throws Exception {
        CPythonSide side = requireSide();
        assertEquals(CPythonSide.SCENARIOS, side.scenarios(List.of(), List.of()));
        assertEquals(List.of("memory"), side.scenarios(List.of("memory", "pooling"), List.of()));
        assertEquals(List.of(), side.scenarios(List.of(), List.of("eventloop")));
        assertEquals(CPythonSide.SCENARIOS, side.scenarios(List.of(), List.of("eventloop", "python-threads")));
        // a model in a scenario the package does not implement it in: nothing, and why
        assertEquals(List.of(), side.scenarios(List.of("determinism"), List.of("python-processes")));
        assertEquals("the CPython side runs determinism on python-asyncio, python-threads only",
                side.whyNothing(List.of("determinism"), List.of("python-processes")));
        assertEquals(List.of(), side.scenarios(List.of("cpu-bound"), List.of("python-uvloop")));
        assertEquals(List.of("spawn", "cpu-bound"), side.scenarios(List.of(), List.of("python-processes")));
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
