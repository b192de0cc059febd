package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.JvmStacks;
import dev.concbench.metrics.MemorySnapshot;
import dev.concbench.metrics.ProcMemory;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The table's "Memory Usage" row: asyncio is "low — one stack, lightweight coroutine frames";
 * threads are "higher — each thread reserves its own stack (~8 MB default)".
 *
 * <p>{@code units} tasks of the model all wait on one signal. Once every one of them is waiting,
 * the benchmark measures what grew since before they started, per unit: heap in use (MXBean, after
 * a GC), resident memory (RSS) and reserved memory (VmSize) from {@code /proc/self/status}, and the
 * process's OS thread count. Then it signals and waits for all to end. The score (single shot) is
 * the time to start and release them all. Expect the reservation of a platform thread in the
 * megabytes (its stack, mostly never touched), its resident cost far smaller, and a virtual thread
 * or loop task in the hundreds of bytes to a few kilobytes, all on the heap. On {@code netty} a unit
 * is a task run on its loop that leaves a promise listening for the signal.
 *
 * <p>Why the fork's heap is fixed and pre-touched ({@code -Xms} = {@code -Xmx},
 * {@code -XX:+AlwaysPreTouch}): a JVM that grows or shrinks its heap between the two snapshots
 * moves RSS by megabytes that have nothing to do with the units (a real quick run saw a negative
 * RSS per platform thread that way). With every heap page resident from the start, the RSS
 * difference is what the units cost outside the heap (thread stacks, native thread structures);
 * resident memory per unit is that plus the heap the units use (their heap pages are resident
 * too), reserved memory per unit likewise the VmSize difference plus that heap, and heap use is
 * also reported on its own from the MXBean. Should the committed heap still move, the rows are
 * guarded {@code heap-resized}. The heap holds the full profile's million virtual threads (about
 * 1 KiB of heap each, measured) with room to spare.
 *
 * <p>Why "before" waits for the previous shot's threads to be gone: a thread's {@code join()}
 * returns when the JVM has marked it terminated, before its OS thread has exited and unmapped its
 * stack, so a snapshot taken right after the previous shot's joins still holds some of their stacks
 * and the next shot's growth came out about half a stack per thread. For the platform-thread model the
 * shot waits until {@code /proc/self/status} {@code Threads:} is back to the fork's idle count
 * (published as {@code idleThreads}), or guards the row {@code threads-not-idle}. And glibc keeps
 * up to 40 MiB of freed stacks for reuse, which the next shot's threads take back without growing
 * the address space: the forks run with {@code GLIBC_TUNABLES=glibc.pthread.stack_cache_size=0}
 * ({@link ForkEnvironment}). The compiler and GC threads are fixed in number
 * ({@code -XX:-UseDynamicNumberOfCompilerThreads}, {@code -XX:-UseDynamicNumberOfGCThreads}) so
 * the JVM's own thread count stays put.
 *
 * <p>Cross-checks, published beside the figures: the stack size a new thread of this fork is given
 * ({@code threadStackSize}, the fork's own {@code ThreadStackSize}: {@code -Xss8m} for the model
 * parameter {@code stack=8m}) and what Native Memory Tracking counts as reserved for thread stacks
 * per unit ({@code nmtStackPerUnit}). A platform thread whose reservation comes out below its stack
 * size, or any negative per-unit figure, is a measurement failure: the row is guarded
 * ({@code stack-under-reserved}, {@code negative-memory}), never published as a small cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsPrepend = {MemoryBenchmark.HEAP_MIN, MemoryBenchmark.HEAP_MAX, MemoryBenchmark.PRE_TOUCH,
        MemoryBenchmark.NMT, MemoryBenchmark.FIXED_COMPILER_THREADS, MemoryBenchmark.FIXED_GC_THREADS})
@ForkEnvironment(MemoryBenchmark.NO_STACK_CACHE)
public class MemoryBenchmark extends TaskBenchmark {

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "thread-per-task", "coroutines", "netty"})
    public String model;


    /** The fork's heap: fixed (see the class comment). */
    static final String HEAP_MIN = "-Xms4g";
    static final String HEAP_MAX = "-Xmx4g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    /** Native Memory Tracking, for its thread-stack reservation (see the class comment). */
    static final String NMT = "-XX:NativeMemoryTracking=summary";
    /** No compiler threads come or go between the snapshots. */
    static final String FIXED_COMPILER_THREADS = "-XX:-UseDynamicNumberOfCompilerThreads";
    /** G1 starts all its GC workers at once instead of adding them when a collection needs them. */
    static final String FIXED_GC_THREADS = "-XX:-UseDynamicNumberOfGCThreads";
    /** glibc frees a dead thread's stack instead of caching it for the next thread. */
    static final String NO_STACK_CACHE = "GLIBC_TUNABLES=glibc.pthread.stack_cache_size=0";

    /** The longest a shot waits for the previous shot's OS threads to exit. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** The fork's OS threads with no unit alive, read when the trial starts. */
    private long idleThreads;

    public MemoryBenchmark() {
        super(1);
    }

    @Override
    String modelName() {
        return model;
    }

    @Override
    void startTrial() {
        idleThreads = ProcMemory.read().threads();
    }

    /** How many units wait at once. */
    @Param("1000")
    public int units;

    /** One shot: start {@code units} waiting units, measure, release them, wait for them to end. */
    @Benchmark
    public long waiting() throws InterruptedException {
        if (netty != null) {
            return waitingOnNetty();
        }
        if (loop != null) {
            return waitingOnLoop();
        }
        // allocated before the first snapshot, so keeping the threads to join costs the units nothing
        Thread[] ran = new Thread[units];
        // platform threads: a model of their own per shot, opened before "before" and closed after the
        // joins; a model remembers the threads it started and drops the dead ones only now and then,
        // and dropping the previous shot's during this one took their heap out of this shot's growth
        // (heap per thread came out near 0, and negative)
        ModelSession shot = platform() ? new ModelSession(model, Map.of(), 0, false) : threads;
        try {
            return waitingOnThreads(shot, ran);
        } finally {
            if (shot != threads) {
                shot.publishGuards();
                shot.close();
            }
        }
    }

    private long waitingOnThreads(ModelSession shot, Thread[] ran) throws InterruptedException {
        Before before = before();
        CountDownLatch waiting = new CountDownLatch(units);
        CountDownLatch signal = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(units);
        int started = 0;
        try {
            for (; started < units; started++) {
                int slot = started;
                shot.execute(() -> {
                    ran[slot] = Thread.currentThread();
                    waiting.countDown();
                    try {
                        signal.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        ended.countDown();
                    }
                });
            }
        } catch (OutOfMemoryError e) {
            // the OS refused another thread: measure what did start, and say so
            IterationMetrics.guard(Guard.INCOMPLETE, units - started);
            for (int i = started; i < units; i++) {
                waiting.countDown();
                ended.countDown();
            }
        }
        waiting.await();
        MemorySnapshot grown = publishPerUnit(before, started);
        signal.countDown();
        ended.await();
        for (int i = 0; i < started; i++) {
            ran[i].join();
        }
        return grown.rssBytes();
    }

    /** The loop's units: {@code units} tasks, each awaiting the one signal future. */
    private long waitingOnLoop() throws InterruptedException {
        EventLoop l = loop.loop();
        Before before = before();
        List<LoopFuture<Void>> waiters = new ArrayList<>(units);
        LoopFuture<Void> signal = loop.run(() -> {
            LoopFuture<Void> s = l.newFuture();
            for (int i = 0; i < units; i++) {
                waiters.add(COROUTINES.is(model) ? LoopCoroutines.waiter(l, s) : l.spawn("unit", () -> s));
            }
            // every spawned task has run its first step (and now awaits the signal) once this runs
            LoopFuture<LoopFuture<Void>> started = l.newFuture();
            l.execute(() -> started.complete(s));
            return started;
        });
        MemorySnapshot grown = publishPerUnit(before, units);
        loop.run(() -> {
            signal.complete(null);
            return l.gather(waiters);
        });
        return grown.rssBytes();
    }

    /** Netty's units: {@code units} tasks run on its loop, each leaving a promise that listens for the one signal. */
    private long waitingOnNetty() throws InterruptedException {
        Before before = before();
        List<Promise<Void>> waiters = new ArrayList<>(units);
        Promise<Void> signal = netty.run(() -> {
            Promise<Void> s = netty.loop().newPromise();
            for (int i = 0; i < units; i++) {
                waiters.add(netty.waiter(s));
            }
            // every unit's task has run (and its promise listens for the signal) once this runs
            Promise<Promise<Void>> started = netty.loop().newPromise();
            netty.loop().execute(() -> started.setSuccess(s));
            return started;
        });
        MemorySnapshot grown = publishPerUnit(before, units);
        netty.run(() -> {
            signal.setSuccess(null);
            return netty.gather(waiters);
        });
        return grown.rssBytes();
    }

    /** Whether the units are platform threads, one per unit ({@code thread-per-task}). */
    private boolean platform() {
        return ModelKind.THREAD_PER_TASK.is(model);
    }

    /** The "before" of a shot: memory, NMT's thread-stack reservation, and whether the threads were idle. */
    private record Before(MemorySnapshot memory, OptionalLong nmtStacks, boolean idle) {}

    /**
     * Takes a shot's "before" snapshot; for platform threads only once the previous shot's OS threads
     * have exited (the count back to {@link #idleThreads}), or after {@link #IDLE_TIMEOUT} with the
     * shot guarded and the count it settled at taken as idle from then on.
     */
    private Before before() throws InterruptedException {
        boolean platform = platform();
        ProcMemory settled = platform ? ProcMemory.awaitThreadsAtMost(idleThreads, IDLE_TIMEOUT) : ProcMemory.read();
        boolean idle = settled.threads() <= idleThreads || !platform;
        if (!idle) {
            idleThreads = settled.threads();
        }
        IterationMetrics.publish("idleThreads", settled.threads(), "count");
        IterationMetrics.guard(Guard.THREADS_NOT_IDLE, idle ? 0 : 1);
        return new Before(MemorySnapshot.take(), JvmStacks.nmtStackReservedBytes(), idle);
    }

    private MemorySnapshot publishPerUnit(Before before, int started) {
        MemorySnapshot grown = MemorySnapshot.take().minus(before.memory());
        OptionalLong nmtNow = JvmStacks.nmtStackReservedBytes();
        // a heap that was resized between the snapshots moved RSS for reasons unrelated to the units
        IterationMetrics.guard(Guard.HEAP_RESIZED, grown.heapCommittedBytes() == 0 ? 0 : 1);
        PerUnit perUnit = PerUnit.of(grown, Math.max(1, started));
        IterationMetrics.publish("heapPerUnit", perUnit.heap(), "bytes");
        IterationMetrics.publish("rssPerUnit", perUnit.rss(), "bytes");
        IterationMetrics.publish("vmSizePerUnit", perUnit.vmSize(), "bytes");
        IterationMetrics.publish("threads", before.memory().threads() + grown.threads(), "count");
        long stackSize = JvmStacks.threadStackSizeBytes();
        IterationMetrics.publish("threadStackSize", stackSize, "bytes");
        if (before.nmtStacks().isPresent() && nmtNow.isPresent()) {
            IterationMetrics.publish("nmtStackPerUnit",
                    (double) (nmtNow.getAsLong() - before.nmtStacks().getAsLong()) / Math.max(1, started), "bytes");
        }
        IterationMetrics.guard(Guard.NEGATIVE_MEMORY, perUnit.anyNegative() ? 1 : 0);
        IterationMetrics.guard(Guard.STACK_UNDER_RESERVED, platform() && perUnit.underReserved(stackSize) ? 1 : 0);
        return grown;
    }
}
