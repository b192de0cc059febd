package dev.concbench.bench;

import dev.concbench.metrics.HistogramLog;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.ProcStatus;
import dev.concbench.model.TaskResult;
import dev.concbench.workload.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The table's "Scalability" row: asyncio runs "10,000+ concurrent tasks on one thread"; threads
 * manage "hundreds to a few thousand before the OS thrashes".
 *
 * <p>{@code tasks} tasks start at once; each waits 100 ms ({@code work=sleep}) or makes one
 * {@code GET /delay/100} to the delay server ({@code work=http}). The score (single shot) is the
 * wall time until all finished; secondary results are throughput, the p50/p99/p99.9 of each task's
 * completion time since the common start, and resident memory per task. When the OS refuses a new
 * thread the number started so far is recorded as {@code startFailure}, the started tasks finish and
 * the run goes on. Expect wall time near 100 ms for the loop and virtual threads at every size, a
 * pool's wall time growing with tasks / poolSize, and thread-per-task failing near the OS's limit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalabilityBenchmark {

    static final long WAIT_MS = 100;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "thread-per-task", "platform-pool"})
    public String model;

    /** How many tasks start at once. */
    @Param("1000")
    public int tasks;

    /** What each task does: {@code sleep} (100 ms timer wait) or {@code http} (one /delay/100 request). */
    @Param({"sleep", "http"})
    public String work;

    /** The pool's size, for {@code platform-pool} only. */
    @Param("100")
    public int poolSize;

    private ModelSession session;
    private HistogramLog log;

    @Setup(Level.Trial)
    public void start() {
        Map<String, String> params = ModelSession.poolParams(model, poolSize);
        // one connection per task: this measures how many tasks a model can keep waiting, not a connector limit
        session = new ModelSession(model, params, work.equals("http") ? tasks : 0);
        log = new HistogramLog("scalability-" + model + "-" + work + "-" + tasks);
    }

    @TearDown(Level.Iteration)
    public void publish() {
        LatencyPublisher.publish("", log.endInterval(), new double[] {50, 99, 99.9}, false);
        session.publishGuards();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        session.close();
        log.writeIfConfigured();
    }

    /** One shot: start every task, wait for all; returns how many completed. */
    @Benchmark
    public int run() {
        Workload workload = work.equals("http") ? new Workload.HttpGet("/delay/" + WAIT_MS) : new Workload.TimerWait(WAIT_MS);
        long rssBefore = ProcStatus.read().rssBytes();
        List<CompletableFuture<TaskResult>> futures = new ArrayList<>(tasks);
        long t0 = System.nanoTime();
        int started = 0;
        try {
            for (; started < tasks; started++) {
                futures.add(session.submit(workload).whenComplete((r, e) -> log.record(System.nanoTime() - t0)));
            }
        } catch (OutOfMemoryError e) {
            // the OS refused another thread: that point is data; the started tasks still finish
            IterationMetrics.publish("startFailure", started, "tasks", IterationMetrics.Aggregation.MAX);
        }
        long rssAfter = ProcStatus.read().rssBytes();
        int completed = 0;
        for (CompletableFuture<TaskResult> f : futures) {
            try {
                f.join();
                completed++;
            } catch (RuntimeException e) {
                // a failed task is counted below as not completed, and its cause as a guard when it is a violation
            }
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        IterationMetrics.publish("throughput", completed / wallSeconds, "tasks/s");
        IterationMetrics.publish("rssPerTask", (double) (rssAfter - rssBefore) / Math.max(1, started), "bytes");
        IterationMetrics.guard("failedTasks", started - completed);
        return completed;
    }
}
