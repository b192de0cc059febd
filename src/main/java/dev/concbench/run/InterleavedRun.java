package dev.concbench.run;

import dev.concbench.metrics.EnvCapture;
import dev.concbench.net.ServerSite;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.scenario.JmhSettings;
import dev.concbench.scenario.Profile;
import dev.concbench.scenario.ScenarioDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Two builds measured on this machine, now, fork by fork: within each plan item the forks of the
 * two sides alternate A, B, B, A, A, B, ... (each side gets the item's fork count), so a drift of
 * the machine (a neighbour's load, thermal state) hits both sides alike and no side runs all its
 * forks first. Each fork is one JMH invocation of that side's build; the forks of a side are then
 * merged into the rows of its own results directory ({@code OUT/A}, {@code OUT/B}), raw samples
 * included, which the regression gate compares.
 *
 * <p>One thread calls {@link #run}, once. A shutdown (Ctrl-C) ends every fork and the delay server;
 * each side's directory then holds what finished, marked incomplete.
 */
public final class InterleavedRun {

    /** Which side runs each fork slot, repeated: A B B A. */
    private static final int[] ORDER = {0, 1, 1, 0};

    /**
     * What the run produced.
     *
     * @param sides    each side's results, in the order given
     * @param failures forks or parameter combinations that failed, each naming its side and item
     */
    public record Outcome(List<SideResult> sides, List<String> failures) {
        public Outcome {
            sides = List.copyOf(sides);
            failures = List.copyOf(failures);
        }
    }

    /** One side's results directory, summary (rows with every fork's samples) and environment, as written. */
    public record SideResult(ForkSide side, ResultsDir results, RunSummary summary, EnvInfo env) {
    }

    private final Path out;
    private final Profile profile;
    private final Planner.Plan plan;
    private final List<ForkSide> sides;
    private final String command;
    private final Clock clock;
    private final PrintStream progress;
    private final ServerSite site;

    /**
     * @param out     a new directory: each side's results go to {@code out/<side name>}
     * @param sides   the two sides, A first
     * @param command the command line, recorded in each side's env.json
     */
    public InterleavedRun(Path out, Profile profile, Planner.Plan plan, List<ForkSide> sides, String command,
            Clock clock, PrintStream progress) {
        this(out, profile, plan, sides, command, clock, progress, new ServerSite.Loopback());
    }

    /**
     * @param site where the delay server is ({@code ab --network/--target}); both sides' forks use it,
     *             and its address and round trip go into each side's env.json
     */
    public InterleavedRun(Path out, Profile profile, Planner.Plan plan, List<ForkSide> sides, String command,
            Clock clock, PrintStream progress, ServerSite site) {
        if (sides.size() != 2) {
            throw new IllegalArgumentException("an interleaved run has two sides, got " + sides.size());
        }
        this.out = out;
        this.profile = profile;
        this.plan = plan;
        this.sides = List.copyOf(sides);
        this.command = command;
        this.clock = clock;
        this.progress = progress;
        this.site = site;
    }

    /** Runs every item of the plan, both sides interleaved, and writes both results directories. */
    public Outcome run() throws IOException {
        String stamp = out.getFileName().toString();
        List<Side> state = new ArrayList<>();
        for (ForkSide s : sides) {
            state.add(new Side(s, ResultsDir.create(out.resolve(s.name())), stamp + "-" + s.name()));
        }
        Thread hook = new Thread(BenchRun::killDescendants, "concbench-ab-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        List<String> failures = new ArrayList<>();
        try (DelayServerHost server = DelayServerHost.startIfNeeded(plan, site, false, progress)) {
            if (server.network().isPresent()) {
                for (Side s : state) {
                    s.env = s.env.withNetwork(server.network().get());
                    s.results.writeEnv(s.env);
                }
                progress.println("ab: delay server: " + server.network().get().describe());
            }
            int index = 0;
            for (PlanItem item : plan.items()) {
                index++;
                runItem(item, index, state, server, failures);
                for (Side s : state) {
                    s.write(false);
                }
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        List<SideResult> results = new ArrayList<>();
        for (Side s : state) {
            results.add(s.write(true));
        }
        return new Outcome(results, failures);
    }

    private void runItem(PlanItem item, int index, List<Side> state, DelayServerHost server, List<String> failures) {
        JmhSettings s = item.settings();
        PlanItem oneFork = new PlanItem(item.scenario(), item.model(), item.params(),
                new JmhSettings(1, s.warmupIterations(), s.iterations(), s.iterationMillis()), item.include(),
                item.methods());
        state.forEach(Side::startItem);
        for (int slot = 0; slot < 2 * s.forks(); slot++) {
            Side side = state.get(ORDER[slot % ORDER.length]);
            progress.printf("ab: [%d/%d] %s: fork %d of %d (%s)%n", index, plan.items().size(), item.label(),
                    slot + 1, 2 * s.forks(), side.fork.name());
            try {
                JmhInvocation.Outcome o = side.jmh(server).run(oneFork, side.fork.jvmArgs(), side.fork.classpath());
                o.results().forEach(side::add);
                if (o.results().size() < item.combinations()) {
                    failures.add(side.fork.name() + ": " + item.label() + ": a fork failed: " + o.failureReason());
                }
            } catch (RunnerException e) {
                failures.add(side.fork.name() + ": " + item.label() + ": JMH failed: " + e.getMessage());
            }
        }
        for (Side side : state) {
            side.finishItem(item);
        }
    }

    /** One side's accumulating state: the forks of the current item, then its rows. */
    private final class Side {
        final ForkSide fork;
        final ResultsDir results;
        final String runId;
        EnvInfo env;
        final List<ResultRow> rows = new ArrayList<>();
        final List<RunResult> merged = new ArrayList<>();
        final List<String> missing = new ArrayList<>();
        Map<String, BenchmarkParams> params = new LinkedHashMap<>();
        Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();
        JmhInvocation jmh;

        Side(ForkSide fork, ResultsDir results, String runId) throws IOException {
            this.fork = fork;
            this.results = results;
            this.runId = runId;
            List<String> flags = new ArrayList<>(fork.jvmArgs());
            flags.addAll(BenchRun.forkArgs(results.path()));
            this.env = EnvCapture.capture(flags, ScenarioDirectory.projectDir(), profile.id(),
                    command + " [side " + fork.name() + ": " + fork.description() + "]", clock.instant());
            results.writeEnv(env);
        }

        JmhInvocation jmh(DelayServerHost server) {
            if (jmh == null) {
                List<String> args = new ArrayList<>(BenchRun.forkArgs(results.path()));
                args.addAll(server.forkArgs());
                jmh = new JmhInvocation(args);
            }
            return jmh;
        }

        void startItem() {
            params = new LinkedHashMap<>();
            forks = new LinkedHashMap<>();
        }

        void add(RunResult r) {
            String id = r.getParams().id();
            params.putIfAbsent(id, r.getParams());
            forks.computeIfAbsent(id, k -> new ArrayList<>()).addAll(r.getBenchmarkResults());
        }

        void finishItem(PlanItem item) {
            for (Map.Entry<String, List<BenchmarkResult>> e : forks.entrySet()) {
                RunResult all = new RunResult(params.get(e.getKey()), e.getValue());
                merged.add(all);
                rows.addAll(RowMapper.rows(item, all));
            }
            if (forks.size() < item.combinations()) {
                missing.add(item.label() + ": " + (item.combinations() - forks.size()) + " of " + item.combinations()
                        + " parameter combination(s) produced no result on side " + fork.name());
            }
        }

        SideResult write(boolean finished) throws IOException {
            RunSummary summary = new RunSummary(RunSummary.FORMAT, runId, profile.id(), finished && missing.isEmpty(),
                    missing, rows);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            try (PrintStream ps = new PrintStream(json, true, StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(merged);
            }
            results.writeJmh(json.toByteArray());
            results.writeSummary(summary);
            EnvInfo written = finished ? env.ended(clock.instant().toString()) : env;
            results.writeEnv(written);
            return new SideResult(fork, results, summary, written);
        }
    }
}
