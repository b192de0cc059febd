package dev.concbench.regress;

import dev.concbench.results.Direction;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Synthetic results in the real format, for tests of the gate (shared with the cli tests). */
public final class Fixtures {

    private Fixtures() {
    }

    /** A row; {@code model} may carry params after a space, e.g. {@code "platform-pool poolSize=2"}. */
    public static ResultRow row(String scenario, String model, String metric, double value, double error,
            String unit, Direction better) {
        String[] words = model.split(" ");
        Map<String, String> params = new java.util.TreeMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=");
            params.put(kv[0], kv[1]);
        }
        return new ResultRow(scenario, scenario + "Benchmark.run", words[0], params, metric, value, unit, error, 10,
                better, List.of());
    }

    /** A small run shaped like a smoke run: lower-, higher-is-better and neutral metrics, several models. */
    public static RunSummary baseline() {
        return summary("smoke", List.of(
                row("context-switch", "eventloop", "handoff", 200, 4, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "virtual", "handoff", 1500, 30, "ns/op", Direction.LOWER_IS_BETTER),
                row("context-switch", "platform-pool poolSize=2", "handoff", 9000, 180, "ns/op",
                        Direction.LOWER_IS_BETTER),
                row("scalability", "eventloop tasks=1000 work=sleep", "throughput", 50000, 500, "tasks/s",
                        Direction.HIGHER_IS_BETTER),
                row("scalability", "platform-pool poolSize=2 tasks=1000 work=sleep", "throughput", 8000, 80,
                        "tasks/s", Direction.HIGHER_IS_BETTER),
                row("memory", "virtual units=1000", "threads", 12, Double.NaN, "count", Direction.NEUTRAL)));
    }

    public static RunSummary summary(String profile, List<ResultRow> rows) {
        return new RunSummary(RunSummary.FORMAT, "20261123-230000-" + profile, profile, true, List.of(), rows);
    }

    /** {@code run} with the value and error of every row that {@code which} selects multiplied by {@code factor}. */
    public static RunSummary scaled(RunSummary run, Predicate<ResultRow> which, double factor) {
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow r : run.rows()) {
            rows.add(which.test(r) ? new ResultRow(r.scenario(), r.benchmark(), r.model(), r.params(), r.metric(),
                    r.value() * factor, r.unit(), r.error() * factor, r.samples(), r.better(), r.guards()) : r);
        }
        return new RunSummary(run.format(), run.runId().replace("230000", "231500"), run.profile(), run.complete(),
                run.missing(), rows);
    }

    /** Selects the rows of {@code model} and {@code metric}. */
    public static Predicate<ResultRow> only(String model, String metric) {
        return r -> r.model().equals(model) && r.metric().equals(metric);
    }

    public static EnvInfo env(int cores, String jdk) {
        return new EnvInfo(jdk, "/usr/lib/jvm/x", List.of(), "Linux (Debian GNU/Linux 12 (bookworm))", "6.1.0",
                "amd64", "a cpu", cores, 8L << 30, Map.of(), 4194304, 63000, "abc123", "smoke", "run", "start", "end");
    }

    /** Writes {@code summary} (and {@code env} unless null) as a results directory at {@code dir}. */
    public static Path write(Path dir, RunSummary summary, EnvInfo env) throws IOException {
        ResultsDir results = ResultsDir.create(dir);
        results.writeSummary(summary);
        if (env != null) {
            results.writeEnv(env);
        }
        return dir;
    }
}
