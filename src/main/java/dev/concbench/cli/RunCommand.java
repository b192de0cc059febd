package dev.concbench.cli;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.claims.RunData;
import dev.concbench.claims.Verdicts;
import dev.concbench.report.ReportInput;
import dev.concbench.results.ResultsDir;
import dev.concbench.history.HistoryTrends;
import dev.concbench.history.StoredRun;
import dev.concbench.net.ServerSite;
import dev.concbench.results.RunSummary;
import dev.concbench.run.BenchRun;
import dev.concbench.run.CPythonRun;
import dev.concbench.run.CPythonSide;
import dev.concbench.run.Planner;
import dev.concbench.run.UnknownFilterException;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioCatalog;
import dev.concbench.scenario.ScenarioDirectory;
import dev.concbench.scenario.ScenarioException;
import dev.concbench.scenario.ScenarioParser;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.RuntimeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code run [--profile smoke|quick|full|gate] [--scenario NAME]... [--model NAME]... [--out DIR] [--db JDBC_URL]
 * [--network lan|wan|lossy [--network-delay MS] [--network-jitter MS] [--network-loss PCT] | --target HOST:PORT]}:
 * validates every scenario file, plans, puts the delay server where {@link NetworkFlags} says, runs the benchmarks, writes {@code <out>/<run-id>/} and
 * appends the run to the history database ({@code <out>/history.db} unless {@code --db} or
 * {@code CONCBENCH_DB} names another; see {@link RunHistory}).
 * Exit 0 when every planned benchmark ran (pairs this build does not implement are listed, not
 * failed), 3 when a benchmark failed, 2 for bad flags or a bad scenario file.
 */
public final class RunCommand implements Command {

    /**
     * What happens after a run wrote its results and its claims were judged: the seam where the
     * report is built from them, in memory.
     */
    @FunctionalInterface
    public interface AfterRun {
        /**
         * @param run     the run just measured and judged
         * @param history the earlier comparable runs of the history database, or null
         * @return the exit code to use when the run itself succeeded
         */
        int accept(ReportInput run, HistoryTrends history) throws Exception;
    }

    private final AfterRun afterRun;

    public RunCommand(AfterRun afterRun) {
        this.afterRun = afterRun;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run [--profile smoke|quick|full|gate] [--scenario NAME]... [--model NAME]... [--out DIR] [--db JDBC_URL]"
                + " [--over-budget] [--no-python] [--network lan|wan|lossy [--network-delay MS] [--network-jitter MS] [--network-loss PCT]"
                + " | --target HOST:PORT]";
    }

    @Override
    public String summary() {
        return "run scenarios through the models and write results/<run-id>/";
    }

    @Override
    public Options options() {
        Options options = new Options()
                .addOption(Option.builder().longOpt("profile").hasArg().argName("P")
                        .desc("smoke (<= 2 min, CI), quick (default, <= 10 min), full (<= 60 min) or gate (<= 6 min: the"
                                + " regression gate's rows, only scenarios with a gate: profile, several forks each)").get())
                .addOption(Option.builder().longOpt("scenario").hasArg().argName("NAME")
                        .desc("run only this scenario (repeatable); see 'list'").get())
                .addOption(Option.builder().longOpt("model").hasArg().argName("NAME")
                        .desc("run only this model (repeatable); see 'list'").get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("where run directories go (default results/)").get())
                .addOption(Option.builder().longOpt("no-python")
                        .desc("skip the CPython side (python/concbench_py on the machine's python3 >= 3.10,"
                                + " run after the JVM's scenarios by default)").get())
                .addOption(Option.builder().longOpt("over-budget")
                        .desc("run a plan estimated at more than " + BUDGET_FACTOR
                                + "x its profile's time budget (refused without this flag)").get())
                .addOption(RunHistory.option());
        return NetworkFlags.addTo(options);
    }

    @Override
    public int run(CommandLine line) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("run: unexpected argument '" + line.getArgList().get(0) + "' (see 'run-bench.sh run --help')");
        }
        Profile profile;
        try {
            profile = Profile.of(line.getOptionValue("profile", Profile.QUICK.id()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("run: --profile: " + e.getMessage());
        }
        Path out = Outputs.writableFolder("run", "--out", Path.of(line.getOptionValue("out", "results")));
        BenchmarkCatalog benchmarks = BenchmarkCatalog.of();
        ScenarioCatalog catalog = loadScenarios(benchmarks);
        Planner.Plan plan;
        try {
            plan = new Planner(benchmarks).plan(catalog, profile, values(line, "scenario"), values(line, "model"));
        } catch (UnknownFilterException e) {
            throw new UsageException("run: --" + e.subject().word() + " " + e.getMessage());
        }
        CPythonRun python = CPythonRun.of(line.hasOption("no-python") ? CPythonSide.none("--no-python")
                : profile == Profile.GATE ? CPythonSide.none("the gate profile measures the JVM's gate rows only")
                : CPythonSide.locate(ScenarioDirectory.projectDir()),
                values(line, "scenario"), values(line, "model"));
        if (plan.items().isEmpty() && !python.runs()) {
            throw new UsageException("run: nothing to run for these --scenario/--model filters"
                    + nothingToRun(plan, python, values(line, "scenario"), values(line, "model")));
        }
        checkBudget(plan, python, profile, line.hasOption("over-budget"));
        NetworkFlags.Request network = NetworkFlags.check("run", line);
        String command = CommandText.of("run", line);
        BenchRun.Outcome outcome;
        // the network (a namespace, or a checked target) exists for the run only: closed on the way
        // out however the run ends (its own shutdown hook covers Ctrl-C)
        try (ServerSite site = NetworkFlags.open(network, System.err)) {
            // the history database is made only once every flag, the target included, proved good
            RunHistory.preflight("run", line, out);
            if (!python.side().runs()) {
                System.err.println("run-bench.sh: no CPython side: " + python.side().info().absent());
            }
            long forks = plan.items().stream().mapToLong(i -> (long) i.combinations() * i.settings().forks()).sum();
            System.err.printf("run-bench.sh: %s profile: %d JMH runs in %d forks, %d CPython scenario(s) (budget %d min)%n",
                    profile.id(), plan.items().size(), forks, python.scenarios().size(), profile.budgetSeconds() / 60);
            outcome = new BenchRun(out, profile, plan, command, Clock.systemUTC(), System.err, progressIsTerminal(),
                    python, site).run();
        }
        RunSummary summary = outcome.summary();
        System.err.println("run-bench.sh: " + summary.rows().size() + " rows, "
                + (summary.complete() ? "complete" : "incomplete (" + summary.missing().size() + " missing)")
                + " in " + outcome.results().path());
        summary.missing().forEach(m -> System.err.println("  missing: " + m));
        // the claims stage: judged once, written once, handed to the report in memory
        RunData data = new RunData(summary, outcome.env());
        Verdicts verdicts = Verdicts.judge(data);
        Path claims = verdicts.write(outcome.results().path().resolve(ResultsDir.CLAIMS));
        StoredRun stored = new StoredRun(summary, outcome.env(), verdicts.results(), RunHistory.origin("run"));
        int after = afterRun.accept(new ReportInput(outcome.results(), data, verdicts, claims),
                RunHistory.trends("run", line, out, stored));
        RunHistory.append("run", line, out, outcome.results().path(), stored);
        if (outcome.failures() > 0) {
            throw new RunFailedException(outcome.failures() + " benchmark(s) failed; see 'missing' in "
                    + outcome.results().path().resolve("summary.json"));
        }
        return after;
    }

    /** Loads and validates every shipped scenario; a bad file is a usage error naming file:line. */
    static ScenarioCatalog loadScenarios(BenchmarkCatalog benchmarks) throws IOException {
        return loadScenarios(benchmarks, ScenarioDirectory.locate());
    }

    /** The scenarios of {@code dir}, parsed and validated once; bad files are a one-line usage error. */
    static ScenarioCatalog loadScenarios(BenchmarkCatalog benchmarks, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no scenarios directory at " + dir.toAbsolutePath()
                    + " (expected the checkout's scenarios/, or -D" + ScenarioDirectory.PROPERTY + "=DIR)");
        }
        try {
            return ScenarioCatalog.load(dir, displayName(dir), new ScenarioParser(benchmarks.parameters(), benchmarks.parameterValues()));
        } catch (ScenarioException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String displayName(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** How far over its profile's budget a plan may be estimated before it needs {@code --over-budget}. */
    static final int BUDGET_FACTOR = 5;

    /**
     * Why neither side has anything to run, as {@code " (reason; reason)"}: the JVM plan's first missing
     * pair, and the CPython side's reason when the {@code --model} filter is empty or names a CPython model.
     */
    private static String nothingToRun(Planner.Plan plan, CPythonRun python, List<String> scenarios, List<String> models) {
        List<String> why = new java.util.ArrayList<>(plan.missing().stream().limit(1).toList());
        if (models.isEmpty() || models.stream().anyMatch(m -> ModelKind.runtimeOf(m) == RuntimeKind.CPYTHON)) {
            why.add(python.side().whyNothing(scenarios, models));
        }
        return why.isEmpty() ? "" : " (" + String.join("; ", why) + ")";
    }

    /**
     * Refuses a plan whose two sides together (the JVM's items and the CPython side's scenarios) are
     * estimated far beyond its profile's budget (a scenario file asking for thousands of forks would
     * otherwise run for days), naming its longest item.
     */
    static void checkBudget(Planner.Plan plan, CPythonRun python, Profile profile, boolean allowed) {
        double seconds = plan.estimatedSeconds() + python.estimatedSeconds();
        if (allowed || seconds <= (double) BUDGET_FACTOR * profile.budgetSeconds()) {
            return;
        }
        String longest = plan.items().stream()
                .max(java.util.Comparator.comparingDouble(dev.concbench.run.PlanItem::estimatedSeconds))
                .map(i -> String.format(java.util.Locale.ROOT, "longest: %s, %.0f min; ", i.label(), i.estimatedSeconds() / 60))
                .orElse("");
        throw new UsageException(String.format(java.util.Locale.ROOT,
                "run: the plan is estimated at %.0f min, over %dx the %s profile's budget of %d min (%sthe CPython side:"
                        + " %.0f min; check the scenario files' forks/iterations/time, or pass --over-budget)",
                seconds / 60, BUDGET_FACTOR, profile.id(), profile.budgetSeconds() / 60, longest,
                python.estimatedSeconds() / 60));
    }

    private static boolean progressIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static List<String> values(CommandLine line, String option) {
        String[] v = line.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }
}
