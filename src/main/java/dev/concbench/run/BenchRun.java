package dev.concbench.run;

import dev.concbench.metrics.EnvCapture;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.net.ServerSite;
import dev.concbench.results.EnvInfo;
import dev.concbench.results.ResultRow;
import dev.concbench.results.ResultsDir;
import dev.concbench.results.RunSummary;
import dev.concbench.scenario.Profile;
import dev.concbench.server.DelayServerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.RunnerException;

/**
 * One run of a plan: writes {@code results/<run-id>/} ({@code env.json} first, then {@code jmh.json}
 * and {@code summary.json}/{@code .csv} after every item), shows progress, and survives Ctrl-C.
 *
 * <p>Lifecycle: {@code NEW -> RUNNING -> FINISHED}; {@code RUNNING -> FAILED} when a results file
 * cannot be written (a full disk: what was written stays complete); or {@code RUNNING -> INTERRUPTED} when the JVM
 * is shutting down (SIGINT/SIGTERM) before the plan finished. On interruption a shutdown hook kills
 * every descendant process (JMH forks, their worker JVMs, the delay server) and writes the summary
 * of what finished with {@code complete=false} and every unfinished item in {@code missing}. All
 * writes happen under one lock and only while RUNNING, so the hook and the run's thread never
 * write over each other. {@link #run} is called once, from one thread.
 */
public final class BenchRun {

    /** The run's lifecycle. */
    public enum State { NEW, RUNNING, FINISHED, INTERRUPTED, FAILED }

    /**
     * What a finished run left.
     *
     * @param results  the results directory
     * @param summary  the summary as written
     * @param env      the environment as written to {@code env.json}
     * @param failures how many items (or parameter combinations) failed while running
     */
    public record Outcome(ResultsDir results, RunSummary summary, EnvInfo env, int failures) {}

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** How long children get to exit after SIGTERM before they are killed. */
    private static final long CHILD_GRACE_MS = 3000;

    private final Path outRoot;
    private final Profile profile;
    private final Planner.Plan plan;
    private final String command;
    private final Clock clock;
    private final PrintStream progressOut;
    private final boolean terminal;
    private final CPythonRun python;
    private final ServerSite site;

    private final Object lock = new Object();
    private State state = State.NEW;
    private ResultsDir results;
    private EnvInfo env;
    private final List<ResultRow> rows = new ArrayList<>();
    private final List<RunResult> jmhResults = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private int nextItem;
    /** The index in {@code python.scenarios()} of the next CPython scenario to finish. */
    private int nextPython;

    /**
     * @param outRoot     where run directories go (default {@code results/})
     * @param command     the command line, recorded in {@code env.json}
     * @param clock       the clock for the run id and start/end instants
     * @param progressOut where progress goes
     * @param terminal    whether {@code progressOut} is a terminal (one updating line)
     */
    public BenchRun(Path outRoot, Profile profile, Planner.Plan plan, String command, Clock clock,
            PrintStream progressOut, boolean terminal) {
        this(outRoot, profile, plan, command, clock, progressOut, terminal, CPythonRun.none("not requested"),
                new ServerSite.Loopback());
    }

    /**
     * The JVM arguments every JMH fork of a run (or of one side of an {@code ab}) gets, whatever its
     * benchmark: where its histogram logs go, and the flags the harness itself needs.
     */
    static List<String> forkArgs(Path resultsDir) {
        List<String> args = new ArrayList<>(List.of(
                "-D" + LatencyRecorder.DIR_PROPERTY + "=" + resultsDir.resolve(ResultsDir.HISTOGRAMS).toAbsolutePath(),
                // JMH 1.37 uses sun.misc.Unsafe; JDK 24+ warns about it on every fork's stderr
                "--sun-misc-unsafe-memory-access=allow"));
        // the coroutines model; the jar's manifest gives them to this JVM, not to JMH's forks
        args.addAll(dev.concbench.loop.Coroutine.JVM_FLAGS);
        return List.copyOf(args);
    }

    /** A run with the delay server on loopback that measures {@code python}'s scenarios after the JVM's plan. */
    public BenchRun(Path outRoot, Profile profile, Planner.Plan plan, String command, Clock clock,
            PrintStream progressOut, boolean terminal, CPythonRun python) {
        this(outRoot, profile, plan, command, clock, progressOut, terminal, python, new ServerSite.Loopback());
    }

    /** A run without the CPython side whose delay server sits at {@code site}. */
    public BenchRun(Path outRoot, Profile profile, Planner.Plan plan, String command, Clock clock,
            PrintStream progressOut, boolean terminal, ServerSite site) {
        this(outRoot, profile, plan, command, clock, progressOut, terminal, CPythonRun.none("not requested"), site);
    }

    /**
     * A run that measures {@code python}'s scenarios after the JVM's plan, into the same results, with
     * its delay server at {@code site} (a namespace behind a shaped link, another host); the site stays
     * open for the caller to close after the run.
     *
     * @param python the CPython side and the scenarios it runs ({@link CPythonRun#none} for none)
     */
    public BenchRun(Path outRoot, Profile profile, Planner.Plan plan, String command, Clock clock,
            PrintStream progressOut, boolean terminal, CPythonRun python, ServerSite site) {
        this.python = python;
        this.site = site;
        this.outRoot = outRoot;
        this.profile = profile;
        this.plan = plan;
        this.command = command;
        this.clock = clock;
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    /** The state now. */
    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /**
     * Runs every item of the plan.
     *
     * @throws IOException when the results directory cannot be written
     */
    public Outcome run() throws IOException {
        Instant start = clock.instant();
        ResultsDir claimed = ResultsDir.claim(outRoot, RUN_ID.format(start) + "-" + profile.id());
        Path dir = claimed.path();
        List<String> forkArgs = forkArgs(dir);
        List<String> flags = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        flags.addAll(forkArgs);
        synchronized (lock) {
            results = claimed;
            try {
                // an empty, incomplete summary first: a run killed in its first item still leaves a
                // folder that report and compare accept (every planned item listed as not run)
                results.writeSummary(summary(false));
                env = EnvCapture.capture(flags, dev.concbench.scenario.ScenarioDirectory.projectDir(), profile.id(),
                        command, start).withPython(python.side().info());
                results.writeEnv(env);
            } catch (IOException e) {
                state = State.FAILED;
                throw e;
            }
            state = State.RUNNING;
        }
        if (System.getProperty("jmh.ignoreLock") == null) {
            // JMH refuses to start while another JMH holds /tmp/jmh.lock; on a shared machine that
            // would fail the run instead of measuring it (the noise is recorded in env.json's cores)
            System.setProperty("jmh.ignoreLock", "true");
        }
        Thread hook = new Thread(this::interrupted, "concbench-run-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        Progress progress = new Progress(progressOut, terminal, plan.estimatedSeconds() + python.estimatedSeconds());
        RunSummary summary;
        try {
            try (DelayServerHost server = DelayServerHost.startIfNeeded(plan, site, python.needsServer(), progressOut)) {
                recordNetwork(server);
                List<String> args = new ArrayList<>(forkArgs);
                args.addAll(server.forkArgs());
                runItems(new JmhInvocation(args), server.placement(), progress);
                runPython(server.address().orElse(null));
            } finally {
                progress.close();
            }
            synchronized (lock) {
                if (state != State.RUNNING) {
                    return new Outcome(results, summary(false), env, failed.size());
                }
                state = State.FINISHED;
                summary = summary(true);
                env = env.ended(clock.instant().toString());
                writeAll(summary, env);
            }
        } catch (IOException e) {
            // a full or vanished disk: what was written is complete (atomic writes); stop here, and
            // keep the hook from writing again on the way out
            synchronized (lock) {
                state = State.FAILED;
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        return new Outcome(results, summary, env, failed.size());
    }

    /** Puts where the delay server is, and the round trip to it, into env.json before the first item. */
    private void recordNetwork(DelayServerHost server) throws IOException {
        if (server.network().isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (state != State.RUNNING) {
                return;
            }
            env = env.withNetwork(server.network().get());
            results.writeEnv(env);
        }
        progressOut.println("run-bench.sh: delay server: " + server.network().get().describe());
    }

    private void runItems(JmhInvocation jmh, DelayServerProcess.Placement placement, Progress progress) throws IOException {
        List<PlanItem> items = plan.items();
        for (int i = 0; i < items.size(); i++) {
            PlanItem item = items.get(i);
            if (state() != State.RUNNING) {
                return;
            }
            progress.starting(i + 1, items.size(), item);
            Optional<JmhInvocation.Outcome> outcome;
            // the http-server scenario's server under test: one per item, shared by its forks
            try (ItemServer itemServer = ItemServer.startFor(item, placement, progress::note)) {
                outcome = Optional.of(jmh.run(item, itemServer.forkArgs(), null));
            } catch (RunnerException e) {
                outcome = Optional.empty();
                record(item, List.of(), List.of(item.label() + ": JMH failed: " + e.getMessage()));
                progress.note("run-bench.sh: " + item.label() + ": JMH failed: " + e.getMessage());
            }
            if (outcome.isPresent()) {
                List<ResultRow> newRows = new ArrayList<>();
                for (RunResult r : outcome.get().results()) {
                    newRows.addAll(RowMapper.rows(item, r));
                }
                List<String> failures = new ArrayList<>();
                if (outcome.get().results().size() < item.combinations()) {
                    String why = outcome.get().failureReason();
                    failures.add(item.label() + ": " + (item.combinations() - outcome.get().results().size()) + " of "
                            + item.combinations() + " parameter combination(s) failed: " + why);
                    progress.note("run-bench.sh: " + failures.get(0));
                }
                synchronized (lock) {
                    jmhResults.addAll(outcome.get().results());
                }
                record(item, newRows, failures);
            }
            progress.finished(item);
        }
    }

    private void record(PlanItem item, List<ResultRow> newRows, List<String> failures) throws IOException {
        synchronized (lock) {
            if (state != State.RUNNING) {
                return;
            }
            rows.addAll(newRows);
            failed.addAll(failures);
            nextItem = plan.items().indexOf(item) + 1;
            writeAll(summary(false), env);
        }
    }

    /** The CPython side's scenarios, one {@code concbench_py} process each, after the JVM's items. */
    private void runPython(java.net.InetSocketAddress server) throws IOException {
        for (String scenario : python.scenarios()) {
            if (state() != State.RUNNING) {
                return;
            }
            progressOut.println("run-bench.sh: CPython " + scenario);
            CPythonSide.Result r = python.side().run(scenario, profile.id(), python.models(), server,
                    Path.of(System.getProperty("java.io.tmpdir")), progressOut);
            synchronized (lock) {
                if (state != State.RUNNING) {
                    return;
                }
                for (LatencyRecorder log : r.logs()) {
                    log.write(results.path().resolve(ResultsDir.HISTOGRAMS));
                }
                rows.addAll(r.rows());
                failed.addAll(r.missing());
                nextPython++;
                writeAll(summary(false), env);
            }
        }
    }

    /** The shutdown hook: kill every child, then write what finished, marked incomplete. */
    private void interrupted() {
        synchronized (lock) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.INTERRUPTED;
        }
        killDescendants();
        synchronized (lock) {
            try {
                writeAll(summary(false), env.ended(clock.instant().toString()));
                progressOut.println();
                progressOut.println("run-bench.sh: interrupted; what finished is in " + results.path()
                        + " (summary marked incomplete)");
            } catch (IOException e) {
                progressOut.println("run-bench.sh: interrupted, and could not write " + results.path() + ": " + e);
            }
        }
    }

    /** Terminates every descendant (JMH forks and what they started), forcibly after a grace period. */
    static void killDescendants() {
        // snapshot first: once a fork dies, its children are re-parented and no longer our descendants
        List<ProcessHandle> all = ProcessHandle.current().descendants().toList();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHILD_GRACE_MS);
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final String NOT_RUN = "not run (the run was interrupted or is still running)";

    /** The summary now; must hold the lock. */
    private RunSummary summary(boolean finished) {
        List<String> missing = new ArrayList<>(plan.missing());
        missing.addAll(failed);
        if (!finished) {
            for (int i = nextItem; i < plan.items().size(); i++) {
                missing.add(plan.items().get(i).label() + ": " + NOT_RUN);
            }
            for (String scenario : python.scenarios().subList(nextPython, python.scenarios().size())) {
                missing.add(scenario + "/python: " + NOT_RUN);
            }
        }
        return new RunSummary(RunSummary.FORMAT, results.runId(), profile.id(), finished && missing.isEmpty(), missing, rows);
    }

    /** Writes summary, jmh.json and env; must hold the lock. */
    private void writeAll(RunSummary summary, EnvInfo envNow) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(json, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(jmhResults);
        }
        results.writeJmh(json.toByteArray());
        results.writeSummary(summary);
        results.writeEnv(envNow);
    }
}
