package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.HistogramLog;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.ProcMemory;
import dev.concbench.vocab.Guard;
import dev.concbench.workload.Workload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The table's "Scalability" row: asyncio runs "10,000+ concurrent tasks on one thread"; threads
 * manage "hundreds to a few thousand before the OS thrashes".
 *
 * <p>{@code tasks} tasks start at once; each waits 100 ms ({@code work=sleep}: after a gate that
 * opens once all have started, so all are alive together) or makes one {@code GET /delay/100} to
 * the delay server ({@code work=http}). The score (single shot) is the
 * wall time until all finished; secondary results are throughput, the p50/p99/p99.9 of each task's
 * completion time since the common start, and resident memory per task. When the OS refuses a new
 * thread the number started so far is recorded as {@code startFailure}, the started tasks finish and
 * the run goes on. Expect wall time near 100 ms for the loop and virtual threads at every size, a
 * pool's wall time growing with tasks / poolSize, and thread-per-task failing near the OS's limit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalabilityBenchmark extends TaskBenchmark {

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

    public ScalabilityBenchmark() {
        super(0);
    }

    @Override
    String modelName() {
        return model;
    }

    @Override
    int poolSize() {
        return poolSize;
    }

    @Override
    boolean loopMustStayResponsive() {
        return true;
    }

    @Override
    void startTrial() {
        if (work.equals("http")) {
            // one connection per task: this measures how many tasks a model keeps waiting, not a connector limit
            session = new ModelSession(model, ModelSession.poolParams(model, poolSize), tasks, true);
        }
        log = new HistogramLog("scalability-" + model + "-" + work + "-" + tasks);
    }

    @TearDown(Level.Iteration)
    public void publish() {
        LatencyPublisher.publish("", log.endInterval(), new double[] {50, 99, 99.9}, false);
        if (session != null) {
            session.publishGuards();
        }
    }

    @Override
    void stopTrial() throws IOException {
        if (session != null) {
            session.close();
        }
        log.writeIfConfigured();
    }

    /**
     * One shot: start every task, then open the gate, wait for all; returns how many completed.
     * Sleeping tasks first wait at a gate that opens once every task has started, so all of them
     * are alive at once (that is when resident memory is read, and what makes the OS refuse
     * threads); their completion times count from before the first start, thread creation included.
     */
    @Benchmark
    public int run() throws InterruptedException {
        long rssBefore = ProcMemory.read().rssBytes();
        Gate gate = new Gate();
        List<CompletableFuture<?>> futures = new ArrayList<>(tasks);
        long t0 = System.nanoTime();
        int started = 0;
        try {
            for (; started < tasks; started++) {
                futures.add(startOne(gate).whenComplete((r, e) -> log.record(System.nanoTime() - t0)));
            }
        } catch (OutOfMemoryError e) {
            // the OS refused another thread: that point is data; the started tasks still finish
            IterationMetrics.publish("startFailure", started, "tasks", IterationMetrics.Aggregation.MAX);
        }
        long rssAfter = ProcMemory.read().rssBytes();
        gate.open();
        int completed = 0;
        for (CompletableFuture<?> f : futures) {
            completed += f.handle((r, e) -> e == null ? 1 : 0).join();
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        IterationMetrics.publish("throughput", completed / wallSeconds, "tasks/s");
        IterationMetrics.publish("rssPerTask", (double) (rssAfter - rssBefore) / Math.max(1, started), "bytes");
        IterationMetrics.guard(Guard.FAILED_TASKS, started - completed);
        return completed;
    }

    /** Starts one task of the model; a sleeping task waits at {@code gate} first. */
    private CompletableFuture<?> startOne(Gate gate) {
        if (session != null) {
            return session.submit(new Workload.HttpGet("/delay/" + WAIT_MS));
        }
        if (loop != null) {
            EventLoop l = loop.loop();
            return l.submit(() -> gate.future.then(v -> l.sleep(Duration.ofMillis(WAIT_MS))));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        threads.execute(() -> {
            try {
                gate.latch.await();
                Thread.sleep(WAIT_MS);
                done.complete(null);
            } catch (InterruptedException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The start gate of one shot: a latch for threads, a future for the loop. Benchmark thread only. */
    private final class Gate {
        final CountDownLatch latch = new CountDownLatch(1);
        final LoopFuture<Void> future;

        Gate() {
            future = loop == null ? null : loop.run(() -> loop.loop().completed(loop.loop().<Void>newFuture()));
        }

        void open() {
            latch.countDown();
            if (future != null) {
                loop.loop().execute(() -> future.complete(null));
            }
        }
    }
}
