package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.workload.examples.ExampleResult;
import dev.concbench.workload.examples.ExampleRunner;
import dev.concbench.workload.examples.ExampleSettings;
import dev.concbench.workload.examples.Examples;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The timing claims of the seed's example programs, run on the event loop with time scaled
 * ({@code unitMs} milliseconds per second of the seed): {@code gather} of tasks taking 2, 1 and 3
 * finishes after about 3 units, not 6 ({@code sequential} awaits the same one by one: about 6);
 * three {@code tasks} of 2, 3, 1 take about 3; ten requests of 1 unit under a {@code semaphore} of
 * 3 take about 4 with at most 3 at once; {@code timeout}'s {@code wait_for} gives up at 3.
 *
 * <p>Each method runs one example once per shot (single-shot time); secondary results are the
 * elapsed time in units and the example's facts (max concurrent, timed out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExamplesBenchmark {

    /** The model: the examples are the seed's asyncio programs, so only the loop runs them. */
    @Param({"eventloop"})
    public String model;

    /** One second of the seed, in milliseconds of this run. */
    @Param("50")
    public int unitMs;

    private ExampleResult run(String name) {
        ExampleResult r = ExampleRunner.run(Examples.require(name), ExampleSettings.quiet(Duration.ofMillis(unitMs)));
        IterationMetrics.publish("elapsedUnits", r.elapsedUnits(), "units");
        // the mean over shots of each shot's count: an exact count that every shot agrees on has error 0,
        // which a verdict can use; JMH's maximum aggregation gives no error at all (issue 10)
        r.fact(ExampleResult.MAX_CONCURRENT).ifPresent(v -> IterationMetrics.publish("maxConcurrent", v, "count"));
        r.fact(ExampleResult.TIMED_OUT).ifPresent(v -> IterationMetrics.publish("timedOut", v, "count"));
        return r;
    }

    /** gather(task A 2, task B 1, task C 3): about 3 units. */
    @Benchmark
    public ExampleResult gather() {
        return run("gather");
    }

    /** The same three awaited one after another: about 6 units. */
    @Benchmark
    public ExampleResult sequential() {
        return run("sequential");
    }

    /** create_task x3 (2, 3, 1) then gather: about 3 units. */
    @Benchmark
    public ExampleResult tasks() {
        return run("tasks");
    }

    /** Ten 1-unit requests under Semaphore(3): about 4 units, at most 3 at once. */
    @Benchmark
    public ExampleResult semaphore() {
        return run("semaphore");
    }

    /** wait_for(a 10-unit operation, timeout=3): times out at about 3 units. */
    @Benchmark
    public ExampleResult timeout() {
        return run("timeout");
    }
}
