package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.ProcMemory;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import dev.concbench.workload.Workload;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * wall time until all finished (on {@code netty} a sleeping task is a listener on a gate promise that
 * {@code schedule}s its timer); secondary results are throughput, the p50/p99/p99.9 of each task's
 * completion time since the common start, and resident memory per task. When the OS refuses a new
 * thread the number started so far is recorded as {@code startFailure}, the started tasks finish and
 * the run goes on. Expect wall time near 100 ms for the loop and virtual threads at every size, a
 * pool's wall time growing with tasks / poolSize, and thread-per-task failing near the OS's limit.
 *
 * <p>What the scheduler does and what the thread factory costs are apart. Tasks are started one
 * after another, so the time since the common start includes N creations in series (N x start cost,
 * 7.7 s at 10,000 platform threads, not thrashing). For {@code work=sleep} each task's completion is
 * also timed from when the gate opened, when every task exists ({@code latencyFromGate.p50/p99/p999},
 * per shot, see {@link GateLatency}); the creation cost is {@code createCost}, the time to create and
 * start the shot's tasks divided by their number, in microseconds. A shot of {@code thread-per-task}
 * reads resident memory only once the previous shot's OS threads have exited ({@code Threads:} back
 * to the trial's idle count, else guarded {@code threads-not-idle}); a negative {@code rssPerTask}
 * guards the row {@code negative-memory}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// no compiler or GC threads come or go, so the OS thread count returns to its idle value between shots
@Fork(jvmArgsPrepend = {MemoryBenchmark.FIXED_COMPILER_THREADS, MemoryBenchmark.FIXED_GC_THREADS})
public class ScalabilityBenchmark extends TaskBenchmark {

    static final long WAIT_MS = 100;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "thread-per-task", "platform-pool", "coroutines", "netty"})
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
    private LatencyRecorder log;
    private final GateLatency fromGate = new GateLatency();
    /** The fork's OS threads with no task alive, read when the trial starts. */
    private long idleThreads;

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
        log = new LatencyRecorder(logIdentity(model, work, Integer.toString(tasks)));
        idleThreads = ProcMemory.read().threads();
    }

    /**
     * Whose log this is: the model, the work and the task count, swept by tasks; the CPython side's
     * scalability logs are named by the same (run/CPythonLogs).
     */
    public static LogIdentity logIdentity(String model, String work, String tasks) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("work", work);
        params.put("tasks", tasks);
        return new LogIdentity("scalability", model, params, "tasks");
    }

    @TearDown(Level.Iteration)
    public void publish() {
        LatencyPublisher.publish("", log.endInterval(), new double[] {50, 99, 99.9}, false);
        if (gated()) {
            fromGate.endShot();
        }
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
     * threads); their completion times count from before the first start, thread creation included,
     * and (sleeping tasks) from the gate's opening, creation excluded.
     */
    @Benchmark
    public int run() throws InterruptedException {
        long rssBefore = settledRss();
        Gate gate = new Gate();
        List<CompletableFuture<?>> futures = new ArrayList<>(tasks);
        long t0 = System.nanoTime();
        int started = 0;
        try {
            for (; started < tasks; started++) {
                futures.add(startOne(gate).whenComplete((r, e) -> {
                    long now = System.nanoTime();
                    log.record(now - t0);
                    if (gated()) {
                        fromGate.completed(now);
                    }
                }));
            }
        } catch (OutOfMemoryError e) {
            // the OS refused another thread: that point is data; the started tasks still finish
            IterationMetrics.publish("startFailure", started, "tasks", IterationMetrics.Aggregation.MAX);
        }
        long createdNanos = System.nanoTime() - t0;
        IterationMetrics.publish("createCost", createdNanos / 1e3 / Math.max(1, started), "us");
        long rssAfter = ProcMemory.read().rssBytes();
        fromGate.opened(System.nanoTime());
        gate.open();
        int completed = 0;
        for (CompletableFuture<?> f : futures) {
            completed += f.handle((r, e) -> e == null ? 1 : 0).join();
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        IterationMetrics.publish("throughput", completed / wallSeconds, "tasks/s");
        IterationMetrics.publish("rssPerTask", (double) (rssAfter - rssBefore) / Math.max(1, started), "bytes");
        IterationMetrics.guard(Guard.NEGATIVE_MEMORY, rssAfter < rssBefore ? 1 : 0);
        IterationMetrics.guard(Guard.FAILED_TASKS, started - completed);
        return completed;
    }

    /** Whether the tasks wait at the gate ({@code work=sleep}); HTTP tasks send as soon as they start. */
    private boolean gated() {
        return session == null;
    }

    /**
     * Resident memory before a shot; for {@code thread-per-task} once the previous shot's OS threads
     * have exited (their {@code join} returned before their stacks were unmapped), or after
     * {@link MemoryBenchmark#IDLE_TIMEOUT} with the shot guarded and that count idle from then on.
     */
    private long settledRss() throws InterruptedException {
        if (!ModelKind.THREAD_PER_TASK.is(model)) {
            return ProcMemory.read().rssBytes();
        }
        ProcMemory settled = ProcMemory.awaitThreadsAtMost(idleThreads, MemoryBenchmark.IDLE_TIMEOUT);
        boolean idle = settled.threads() <= idleThreads;
        IterationMetrics.guard(Guard.THREADS_NOT_IDLE, idle ? 0 : 1);
        idleThreads = Math.max(idleThreads, settled.threads());
        return settled.rssBytes();
    }

    /** Starts one task of the model; a sleeping task waits at {@code gate} first. */
    private CompletableFuture<?> startOne(Gate gate) {
        if (session != null) {
            return session.submit(new Workload.HttpGet("/delay/" + WAIT_MS));
        }
        if (netty != null) {
            return netty.sleeper(gate.nettyGate, WAIT_MS);
        }
        if (loop != null) {
            EventLoop l = loop.loop();
            return l.submit(() -> COROUTINES.is(model) ? LoopCoroutines.sleeper(l, gate.future, WAIT_MS)
                    : gate.future.then(v -> l.sleep(Duration.ofMillis(WAIT_MS))));
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

    /** The start gate of one shot: a latch for threads, a future for the loop, a promise for Netty's. Benchmark thread only. */
    private final class Gate {
        final CountDownLatch latch = new CountDownLatch(1);
        final LoopFuture<Void> future;
        final Promise<Void> nettyGate;

        Gate() {
            future = loop == null ? null : loop.run(() -> loop.loop().completed(loop.loop().<Void>newFuture()));
            nettyGate = netty == null ? null : netty.loop().newPromise();
        }

        void open() {
            latch.countDown();
            if (future != null) {
                loop.loop().execute(() -> future.complete(null));
            }
            if (nettyGate != null) {
                netty.loop().execute(() -> nettyGate.setSuccess(null));
            }
        }
    }
}
