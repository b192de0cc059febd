package dev.concbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.PythonInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.RuntimeKind;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run's CPython side: the same scenarios on the machine's {@code python3} (>= {@value #MIN_MINOR}
 * as 3.x), through {@code python/concbench_py}, whose rows join the JVM's in the same results.
 * Found by {@link #locate}: {@code CONCBENCH_PYTHON}, or {@code python3} on the PATH (or {@code /usr/bin/python3}
 * when that one runs more of the models, e.g. has uvloop from apt and the PATH's has not); a missing or old
 * interpreter is a {@link PythonInfo#absent} with one line of reason, never a failure of the run.
 *
 * <p>Each scenario runs as one {@code python3 -m concbench_py} process writing a JSON file; its rows
 * are in the {@code summary.json} row format, with guards published as counts by {@link Guard} key
 * ({@code guardCounts}), turned here into the row's guard text when {@link Guard#voids} says they void the
 * row, so {@link Guard} stays the one owner of their text and their tolerance.
 * Called from the run's thread only.
 */
public final class CPythonSide {

    /** The oldest CPython 3 minor version the side runs on. */
    static final int MIN_MINOR = 10;
    /** The environment variable naming the interpreter (default: {@code python3} on the PATH). */
    static final String PYTHON_ENV = "CONCBENCH_PYTHON";
    /** The scenarios {@code concbench_py} implements, in its run order. */
    static final List<String> SCENARIOS = List.of("context-switch", "spawn", "memory", "scalability", "cpu-bound",
            "preemption", "determinism", "io-load");
    private static final long SCENARIO_TIMEOUT_S = 600;

    /**
     * What one scenario gave: rows, what failed to be measured, and its latency logs ({@link CPythonLogs}:
     * one per fork of a combination, for the run to write into its histograms directory).
     */
    public record Result(List<ResultRow> rows, List<String> missing, List<LatencyRecorder> logs) {
    }

    private final String executable;
    private final Path packageRoot;
    private final PythonInfo info;
    /** Per scenario, the models this interpreter runs in it (the package's own list, less the unavailable). */
    private final Map<String, List<String>> runnable;

    private CPythonSide(String executable, Path packageRoot, PythonInfo info, Map<String, List<String>> runnable) {
        this.executable = executable;
        this.packageRoot = packageRoot;
        this.info = info;
        this.runnable = Map.copyOf(runnable);
    }

    /** No CPython side, for {@code reason} (e.g. {@code --no-python}). */
    public static CPythonSide none(String reason) {
        return new CPythonSide(null, null, PythonInfo.absent(reason), Map.of());
    }

    /**
     * The CPython side for the checkout at {@code projectDir}, or {@link #none} saying why not.
     */
    public static CPythonSide locate(Path projectDir) {
        String chosen = System.getenv(PYTHON_ENV);
        if (chosen != null) {
            return locate(projectDir, chosen);
        }
        // python3 on the PATH first; but a PATH interpreter (pyenv, a venv) often lacks what Debian's
        // python3 has from apt (python3-uvloop): then the system's, when it runs every model and the other does not
        CPythonSide onPath = locate(projectDir, "python3");
        if (onPath.runs() && onPath.info.skipped().isEmpty()) {
            return onPath;
        }
        CPythonSide system = Files.isExecutable(Path.of(SYSTEM_PYTHON)) ? locate(projectDir, SYSTEM_PYTHON) : onPath;
        return system.runs() && (!onPath.runs() || system.info.skipped().size() < onPath.info.skipped().size())
                ? system : onPath;
    }

    /** The distribution's interpreter, whose packages come from apt. */
    static final String SYSTEM_PYTHON = "/usr/bin/python3";

    /** {@link #locate(Path)} with the interpreter {@code python} (a name on the PATH or a path). */
    static CPythonSide locate(Path projectDir, String python) {
        Path root = projectDir.resolve("python");
        if (!Files.isDirectory(root.resolve("concbench_py"))) {
            return none("no " + root.resolve("concbench_py") + " in this checkout");
        }
        String printed;
        try {
            printed = call(List.of(python, "-c",
                    "import sys, json; from concbench_py import environment; print(json.dumps(environment.describe()))"),
                    root, 30);
        } catch (IOException e) {
            return none(python + " not found or not usable (" + e.getMessage() + ")");
        }
        JsonNode env;
        try {
            env = ResultsDir.json().readTree(printed);
        } catch (IOException e) {
            env = null;
        }
        if (env == null || !env.isObject()) {
            // not CPython running our package (a wrapper script, another implementation's banner)
            String shown = printed.strip().lines().findFirst().orElse("");
            return none(python + " printed no environment description (expected concbench_py's JSON): '"
                    + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + "'");
        }
        String version = env.path("version").asText("");
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("3\\.(\\d+)(\\D.*)?").matcher(version);
        if (!v.matches() || Integer.parseInt(v.group(1)) < MIN_MINOR) {
            return none(python + " is " + (version.isEmpty() ? "of an unknown version" : version) + ", older than 3."
                    + MIN_MINOR + " or not a CPython 3");
        }
        List<String> skipped = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        env.path("models").properties().forEach(e -> {
            if (!"available".equals(e.getValue().asText())) {
                skipped.add(e.getKey() + ": " + e.getValue().asText());
                unavailable.add(e.getKey());
            }
        });
        Map<String, List<String>> runnable = new LinkedHashMap<>();
        env.path("scenarios").properties().forEach(e -> {
            List<String> models = new ArrayList<>();
            e.getValue().forEach(m -> models.add(m.asText()));
            models.removeAll(unavailable);
            runnable.put(e.getKey(), models);
        });
        return new CPythonSide(env.path("executable").asText(python), root, new PythonInfo(
                env.path("executable").asText(python), version, env.path("implementation").asText("CPython"),
                env.path("gilEnabled").asBoolean(true), env.path("freeThreadedBuild").asBoolean(false), skipped, null),
                runnable);
    }

    /** What env.json records of this side. */
    public PythonInfo info() {
        return info;
    }

    /** Whether this side will measure anything. */
    public boolean runs() {
        return info.ran();
    }

    /**
     * The CPython scenarios a run with these filters includes: those of {@link #SCENARIOS} the
     * {@code --scenario} filter names (all when empty) in which this interpreter runs a model the
     * {@code --model} filter names (any when it names none; none when it names only the JVM's).
     */
    public List<String> scenarios(List<String> scenarioFilter, List<String> modelFilter) {
        List<String> wanted = cpythonModels(modelFilter);
        if (!runs() || (!modelFilter.isEmpty() && wanted.isEmpty())) {
            return List.of();
        }
        return SCENARIOS.stream().filter(s -> scenarioFilter.isEmpty() || scenarioFilter.contains(s))
                .filter(s -> runnable.getOrDefault(s, List.of()).stream().anyMatch(m -> wanted.isEmpty() || wanted.contains(m)))
                .toList();
    }

    /**
     * Why {@link #scenarios} is empty for these filters, in words for a {@code nothing to run} line,
     * e.g. {@code the CPython side runs determinism on python-asyncio, python-threads only}.
     */
    public String whyNothing(List<String> scenarioFilter, List<String> modelFilter) {
        if (!runs()) {
            return "no CPython side: " + info.absent();
        }
        List<String> wanted = cpythonModels(modelFilter);
        if (!modelFilter.isEmpty() && wanted.isEmpty()) {
            return "the --model filter names no CPython model";
        }
        List<String> asked = SCENARIOS.stream().filter(s -> scenarioFilter.isEmpty() || scenarioFilter.contains(s)).toList();
        if (asked.isEmpty()) {
            return "the CPython side has none of these scenarios (it has " + String.join(", ", SCENARIOS) + ")";
        }
        String unavailable = info.skipped().stream().filter(k -> wanted.stream().anyMatch(m -> k.startsWith(m + ":")))
                .map(k -> "; " + k).reduce("", String::concat);
        String scenario = asked.getFirst();
        return "the CPython side runs " + scenario + " on " + String.join(", ", runnable.getOrDefault(scenario, List.of()))
                + " only" + unavailable;
    }

    private static List<String> cpythonModels(List<String> modelFilter) {
        return modelFilter.stream().filter(m -> ModelKind.runtimeOf(m) == RuntimeKind.CPYTHON).toList();
    }

    /**
     * Measures one scenario.
     *
     * @param models  the {@code --model} filter (CPython's names are passed on; empty: every model)
     * @param server  the delay server for io-load, or null
     * @param workDir where the side's JSON output goes (a temporary folder)
     */
    public Result run(String scenario, String profile, List<String> models, InetSocketAddress server, Path workDir,
            PrintStream log) {
        Path out = workDir.resolve("python-" + scenario + ".json");
        List<String> cmd = new ArrayList<>(List.of(executable, "-m", "concbench_py", "--quiet", "--profile", profile,
                "--scenario", scenario, "--out", out.toString()));
        models.stream().filter(m -> ModelKind.runtimeOf(m) == RuntimeKind.CPYTHON)
                .forEach(m -> cmd.addAll(List.of("--model", m)));
        if (server != null) {
            cmd.addAll(List.of("--target", server.getHostString() + ":" + server.getPort()));
        }
        try {
            call(cmd, packageRoot, SCENARIO_TIMEOUT_S);
            return rows(ResultsDir.json().readTree(out.toFile()));
        } catch (IOException e) {
            log.println("run-bench.sh: CPython " + scenario + ": " + e.getMessage());
            return new Result(List.of(), List.of(scenario + "/python: " + e.getMessage()), List.of());
        }
    }

    /** The rows and logs of one {@code concbench_py} output, guards turned into {@link Guard} text. */
    static Result rows(JsonNode output) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (JsonNode row : output.path("rows")) {
            ObjectNode copy = ((ObjectNode) row).deepCopy();
            JsonNode counts = copy.remove("guardCounts");
            String model = copy.path("model").asText();
            if (ModelKind.runtimeOf(model) != RuntimeKind.CPYTHON || ModelKind.of(model).isEmpty()) {
                throw new IOException("concbench_py wrote a row of model '" + model + "', not a CPython model");
            }
            ResultRow r = ResultsDir.json().treeToValue(copy, ResultRow.class);
            if (counts != null) {
                for (var e : counts.properties()) {
                    // the JVM's tolerance (one cpu-contended shot in ten), applied by its one owner
                    if (Guard.voids(e.getKey(), e.getValue().asLong(), r.samples())) {
                        r = r.withGuard(Guard.note(e.getKey(), e.getValue().asLong()));
                    }
                }
            }
            rows.add(r);
        }
        List<String> missing = new ArrayList<>();
        output.path("missing").forEach(m -> missing.add(m.asText()));
        return new Result(rows, missing, CPythonLogs.read(output.path("logs")));
    }

    /**
     * Kills {@code p} and every process under it (concbench_py's {@code --child} forks, a pool's workers):
     * the descendants are listed first, while they are still the parent's.
     */
    private static void destroyTree(Process p) {
        List<ProcessHandle> below = p.descendants().toList();
        p.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
    }

    /** Runs a command in {@code dir} with {@code PYTHONPATH=dir}; its stdout, or why it failed. */
    static String call(List<String> cmd, Path dir, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PYTHONPATH", dir.toString());
        Path err = Files.createTempFile("concbench-python", ".err");
        Path out = Files.createTempFile("concbench-python", ".out");
        pb.redirectError(err.toFile()).redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                destroyTree(p);
                throw new IOException(cmd.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(err);
                throw new IOException(cmd.get(0) + " exited " + p.exitValue() + ": "
                        + (lines.isEmpty() ? "no message" : lines.getLast()));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            destroyTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }
}
