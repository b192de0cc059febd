package dev.concbench.run;

import dev.concbench.bench.BenchmarkCatalog;
import dev.concbench.bench.IterationMetricsProfiler;
import dev.concbench.scenario.ModelSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one {@link PlanItem} through JMH's Runner API: forks, warm-up and measurement iterations from
 * the item's settings, the model and sweep as JMH parameters, the fork's JVM arguments (carrier
 * count, where histogram logs go, the delay server's address), and the profiler that turns
 * published values into secondary results. JMH's own console output is captured, not shown; a
 * failure's last lines become the reason in {@code missing}.
 *
 * <p>Called from the run's thread, one invocation at a time.
 */
final class JmhInvocation {

    /** The longest one iteration may take before JMH gives up on the fork. */
    private static final TimeValue ITERATION_TIMEOUT = TimeValue.minutes(3);

    /** What one invocation produced: JMH's results and its captured console output. */
    record Outcome(Collection<RunResult> results, String output) {

        /** The last lines of the captured output that name an error, for a one-line reason. */
        String failureReason() {
            List<String> errors = output.lines()
                    .map(String::trim)
                    .filter(l -> FAILURE_LINE.matcher(l).find())
                    .toList();
            return errors.isEmpty() ? "the benchmark produced no result (see JMH output)" : errors.get(0);
        }
    }

    /** A line of JMH's output that says why a benchmark failed (not its table header). */
    private static final java.util.regex.Pattern FAILURE_LINE = java.util.regex.Pattern.compile(
            "^<forked VM failed|^<failure>.+|\\w(Exception|Error)\\b");

    private final List<String> forkArgs;

    /** @param forkArgs JVM arguments every fork gets (e.g. {@code -Dconcbench.histograms=...}) */
    JmhInvocation(List<String> forkArgs) {
        this.forkArgs = List.copyOf(forkArgs);
    }

    Outcome run(PlanItem item) throws RunnerException {
        return run(item, List.of(), null);
    }

    /**
     * Runs {@code item} with its forks on another build: {@code forkClasspath} replaces this JVM's
     * class path in the forks' command line (JMH builds it from {@code java.class.path}, which is
     * read only then: this process's own classes were loaded long before), and {@code sideArgs} go
     * after the fork arguments. Forks of one invocation never mix builds.
     *
     * @param forkClasspath the class path the forks run, or null for this build's
     */
    Outcome run(PlanItem item, List<String> sideArgs, String forkClasspath) throws RunnerException {
        synchronized (JmhInvocation.class) {
            String own = System.getProperty("java.class.path");
            if (forkClasspath != null) {
                System.setProperty("java.class.path", forkClasspath);
            }
            try {
                return invoke(options(item, sideArgs));
            } finally {
                System.setProperty("java.class.path", own);
            }
        }
    }

    private static Outcome invoke(Options options) throws RunnerException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        OutputFormat format = OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL);
        Collection<RunResult> results = new Runner(options, format).run();
        out.flush();
        return new Outcome(results, captured.toString(StandardCharsets.UTF_8));
    }

    /** {@link #options(PlanItem, List)} without side arguments. */
    Options options(PlanItem item) {
        return options(item, List.of());
    }

    /**
     * JMH's options for {@code item}: its settings and parameters, the run's and the model's fork
     * arguments (e.g. {@code -Xss8m} for {@code thread-per-task[stack=8m]}), then {@code sideArgs}
     * (an A/B side's own), and, when the benchmark names a
     * {@link dev.concbench.bench.ForkEnvironment}, a launcher that sets it.
     */
    Options options(PlanItem item, List<String> sideArgs) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(item.include())
                .forks(item.settings().forks())
                .warmupIterations(item.settings().warmupIterations())
                .warmupTime(TimeValue.milliseconds(item.settings().iterationMillis()))
                .measurementIterations(item.settings().iterations())
                .measurementTime(TimeValue.milliseconds(item.settings().iterationMillis()))
                .timeout(ITERATION_TIMEOUT)
                .shouldFailOnError(false)
                .addProfiler(IterationMetricsProfiler.class)
                .param(BenchmarkCatalog.MODEL_PARAM, item.model().name());
        item.params().forEach((k, v) -> options.param(k, v.toArray(String[]::new)));
        item.model().params().forEach((k, v) -> {
            if (!ModelSpec.FORK_SETTINGS.contains(k)) {
                options.param(k, v);
            }
        });
        List<String> args = new ArrayList<>(forkArgs);
        args.addAll(item.model().jvmArgs());
        args.addAll(sideArgs);
        options.jvmArgsAppend(args.toArray(String[]::new));
        Map<String, String> env = BenchmarkCatalog.forkEnvironment(item.scenario().benchmarkClass());
        if (!env.isEmpty()) {
            options.jvm(ForkLauncher.jvmWith(env).toString());
        }
        return options.build();
    }
}
