package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;

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
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
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
 *
 * <p>How the race is made real, and kept honest:
 * <ul>
 *   <li>Threads wait behind a start gate and are released together, so they overlap; started one
 *       after another, a short run of increments can finish before the next thread is even awake,
 *       and a real quick run saw 0 lost updates on platform threads that way.
 *   <li>{@value #INCREMENTS} increments per task make each run last milliseconds, so on 2 cores
 *       two tasks run at the same time for most of it; and where the machine gives the process only
 *       one core at a time (a shared host), each task outlasts a scheduler time slice, so the OS
 *       preempts threads mid-run, between a read and its write now and then, as it preempts Python
 *       threads. With 1,000,000 a run took ~1.6 ms on such a host: no preemption, no lost update.
 *   <li>The counter is a plain field, read and written with opaque accesses: neither volatile nor
 *       atomic (no fence, no read-modify-write instruction), but every read and every write of the
 *       source happens. With bare field accesses the JIT may legally fold the loop into one
 *       {@code count += n}, which would measure the compiler, not the race.
 *   <li>Nothing is added inside the increment to provoke the race (no yield, no sleep): threads lose
 *       updates because two cores interleave the read and the write, as they would in real code.
 *   <li>The loop's tasks do the same increments, yielding to each other (an {@code await} point)
 *       every {@value #CHUNK} increments but never between a read and its write, as in asyncio
 *       ({@code await=none}).
 *   <li>{@code await=between} (the loop only) is the seed's point the other way round: each task
 *       reads, awaits a zero-delay yield (its continuation goes to the back of the loop's ready
 *       queue, as {@code await asyncio.sleep(0)} does), then writes what it read plus one. The
 *       other tasks read the same value meanwhile, so updates are lost (3 of every 4 with 4
 *       tasks), and the same number every run: the switch points are in the code, not in the OS's
 *       scheduler. One callback per increment costs far more than an increment, so this variant
 *       runs {@value #AWAITING_INCREMENTS} increments per task.
 *   <li>{@code netty} runs both the same way in Netty's idiom: a yield is the task re-submitting the
 *       rest of itself with {@code execute}, which queues it behind every task already queued.
 * </ul>
 *
 * <p>{@code distinctOutcomes} and {@code lostUpdates} are per shot (one shot = {@code runs} runs);
 * their rows are the mean over shots with the error across shots, {@code samples} = shots.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeterminismBenchmark extends TaskBenchmark {

    static final int TASKS = 4;
    static final int INCREMENTS = 10_000_000;
    /** On the loop, increments between two yields. */
    static final int CHUNK = 10_000;
    /** Increments per task when the loop's tasks await between every read and its write. */
    static final int AWAITING_INCREMENTS = 100_000;

    /** The value of {@link #await}: no await between a read and its write. */
    static final String AWAIT_NONE = "none";
    /** The value of {@link #await}: a zero-delay await between every read and its write. */
    static final String AWAIT_BETWEEN = "between";

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
            write(read() + 1);
        }

        long read() {
            return (long) COUNT.getOpaque(this);
        }

        void write(long v) {
            COUNT.setOpaque(this, v);
        }
    }

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "platform-pool", "coroutines", "netty"})
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

    /**
     * On a loop (ours or Netty's), whether a task awaits between a read and its write: {@value #AWAIT_NONE} or
     * {@value #AWAIT_BETWEEN}; the thread models ignore it (the OS switches wherever it likes).
     */
    @Param(AWAIT_NONE)
    public String await;

    private long countOnThreads() throws InterruptedException {
        return countOnThreads(threads::execute, TASKS, INCREMENTS);
    }

    /**
     * One run of the race on threads: {@code tasks} tasks started through {@code executor} wait at a
     * start gate, are released together, and each increments the shared counter {@code increments}
     * times. Blocks the caller until all are done; returns the final count ({@code tasks *
     * increments} when no update was lost). The executor must run all {@code tasks} at once.
     */
    static long countOnThreads(Executor executor, int tasks, int increments) throws InterruptedException {
        Counter counter = new Counter();
        CountDownLatch ready = new CountDownLatch(tasks);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(tasks);
        for (int t = 0; t < tasks; t++) {
            executor.execute(() -> {
                ready.countDown();
                try {
                    gate.await();
                    for (int i = 0; i < increments; i++) {
                        counter.increment();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        ready.await();
        gate.countDown();
        done.await();
        return (long) COUNT.getVolatile(counter);
    }

    /**
     * The same on the loop: each task yields to the others every {@value #CHUNK} increments (an
     * {@code await} point), but never between a read and its write.
     */
    private static LoopFuture<Long> countOnLoop(EventLoop l) {
        return countOnLoop(l, TASKS, INCREMENTS);
    }

    /**
     * One run on the loop: {@code tasks} tasks of {@code increments} increments each. Call on the
     * loop's thread (e.g. from a task); the future completes with the final count.
     */
    static LoopFuture<Long> countOnLoop(EventLoop l, int tasks, int increments) {
        return runOnLoop(l, tasks, (counter, done) -> countChunk(l, counter, increments, done));
    }

    /**
     * One run on the loop with a zero-delay await between every read and its write: each task
     * reads, yields through the ready queue, then writes what it read plus one. Call on the loop's
     * thread; the future completes with the final count.
     */
    static LoopFuture<Long> countOnLoopAwaiting(EventLoop l, int tasks, int increments) {
        return runOnLoop(l, tasks, (counter, done) -> readAwaitWrite(l, counter, increments, done));
    }

    /** Starts {@code tasks} loop tasks on one new counter; completes with its final count once all are done. */
    private static LoopFuture<Long> runOnLoop(EventLoop l, int tasks, BiConsumer<Counter, LoopFuture<Void>> task) {
        Counter counter = new Counter();
        List<LoopFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            LoopFuture<Void> done = l.newFuture();
            all.add(done);
            l.execute(() -> task.accept(counter, done));
        }
        return l.gather(all).map(ignored -> (long) COUNT.getVolatile(counter));
    }

    private static void readAwaitWrite(EventLoop l, Counter counter, int left, LoopFuture<Void> done) {
        if (left == 0) {
            done.complete(null);
            return;
        }
        long read = counter.read();
        l.execute(() -> { // the await: the rest of the task runs after every callback already queued
            counter.write(read + 1);
            readAwaitWrite(l, counter, left - 1, done);
        });
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
        if (!await.equals(AWAIT_NONE) && !await.equals(AWAIT_BETWEEN)) {
            throw new IllegalArgumentException("await must be " + AWAIT_NONE + " or " + AWAIT_BETWEEN + ", not '" + await + "'");
        }
        boolean awaiting = (loop != null || netty != null) && await.equals(AWAIT_BETWEEN);
        int increments = awaiting ? AWAITING_INCREMENTS : INCREMENTS;
        Set<Long> outcomes = new HashSet<>();
        long lost = 0;
        ProcStatus before = ProcStatus.read();
        for (int r = 0; r < runs; r++) {
            long result = netty != null ? netty.run(() -> awaiting ? netty.countAwaiting(TASKS, increments)
                            : netty.count(TASKS, increments, CHUNK))
                    : loop == null ? countOnThreads()
                    : COROUTINES.is(model) ? loop.run(() -> LoopCoroutines.count(loop.loop(), TASKS, increments, CHUNK))
                    : awaiting ? loop.run(() -> countOnLoopAwaiting(loop.loop(), TASKS, increments))
                    : loop.run(() -> countOnLoop(loop.loop()));
            outcomes.add(result);
            lost += (long) TASKS * increments - result;
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
