package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.ProcStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The table's "Debugging" row: asyncio is "easier — sequential reasoning, deterministic switch
 * points"; threads are "harder — race conditions".
 *
 * <p>{@value #TASKS} tasks of the model each add 1 to a shared counter {@value #INCREMENTS} times
 * with a plain read then a plain write (no lock, no atomic update), {@code runs} times. The
 * metrics: updates lost per run, how many distinct final counts the runs produced, and the OS's
 * voluntary and involuntary context switches per run. Expect no lost updates and one outcome on
 * the loop (nothing can interleave between the read and the write of a callback), and lost
 * updates with many outcomes on threads, platform or virtual, whenever two run in parallel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeterminismBenchmark extends TaskBenchmark {

    static final int TASKS = 4;
    static final int INCREMENTS = 100_000;
    /** On the loop, increments between two yields. */
    static final int CHUNK = 1_000;

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Counter.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The shared, unsynchronised counter. */
    static final class Counter {
        long count;

        /** Read, then write: opaque accesses keep every read and write in the code, but no atomicity. */
        void increment() {
            long v = (long) COUNT.getOpaque(this);
            COUNT.setOpaque(this, v + 1);
        }
    }

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "platform-pool"})
    public String model;


    public DeterminismBenchmark() {
        // a pool that outlives the runs: the kernel's per-thread switch counts vanish when a thread exits
        super(TASKS);
    }

    @Override
    String modelName() {
        return model;
    }

    /** How many runs per invocation. */
    @Param("20")
    public int runs;

    private long countOnThreads() throws InterruptedException {
        Counter counter = new Counter();
        CountDownLatch done = new CountDownLatch(TASKS);
        for (int t = 0; t < TASKS; t++) {
            threads.execute(() -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    counter.increment();
                }
                done.countDown();
            });
        }
        done.await();
        return (long) COUNT.getVolatile(counter);
    }

    /**
     * The same on the loop: each task yields to the others every {@value #CHUNK} increments (an
     * {@code await} point), but never between a read and its write.
     */
    private static LoopFuture<Long> countOnLoop(EventLoop l) {
        Counter counter = new Counter();
        List<LoopFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            LoopFuture<Void> done = l.newFuture();
            all.add(done);
            l.execute(() -> countChunk(l, counter, INCREMENTS, done));
        }
        return l.gather(all).map(ignored -> (long) COUNT.getVolatile(counter));
    }

    private static void countChunk(EventLoop l, Counter counter, int left, LoopFuture<Void> done) {
        int n = Math.min(CHUNK, left);
        for (int i = 0; i < n; i++) {
            counter.increment();
        }
        if (left > n) {
            l.execute(() -> countChunk(l, counter, left - n, done));
        } else {
            done.complete(null);
        }
    }

    /** One shot: {@code runs} runs of the racy counter; returns the number of distinct outcomes. */
    @Benchmark
    public int sharedCounter() throws InterruptedException {
        Set<Long> outcomes = new HashSet<>();
        long lost = 0;
        ProcStatus before = ProcStatus.read();
        for (int r = 0; r < runs; r++) {
            long result = loop != null ? loop.run(() -> countOnLoop(loop.loop())) : countOnThreads();
            outcomes.add(result);
            lost += (long) TASKS * INCREMENTS - result;
        }
        ProcStatus after = ProcStatus.read();
        IterationMetrics.publish("lostUpdates", (double) lost / runs, "count");
        IterationMetrics.publish("distinctOutcomes", outcomes.size(), "count");
        IterationMetrics.publish("voluntaryCtxSwitches",
                (double) (after.voluntaryCtxSwitches() - before.voluntaryCtxSwitches()) / runs, "count");
        IterationMetrics.publish("involuntaryCtxSwitches",
                (double) (after.involuntaryCtxSwitches() - before.involuntaryCtxSwitches()) / runs, "count");
        return outcomes.size();
    }
}
