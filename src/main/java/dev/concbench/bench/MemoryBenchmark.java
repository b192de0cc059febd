package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.MemorySnapshot;
import dev.concbench.vocab.Guard;
import java.util.ArrayList;
import java.util.List;
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
 * or loop task in the hundreds of bytes to a few kilobytes, all on the heap.
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
 * <p>Why a shot joins its threads before it returns: a thread counts the latch down before it
 * exits, so the next shot's "before" snapshot could still hold the stacks of the previous shot's
 * dying threads, and the difference came out negative.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsPrepend = {MemoryBenchmark.HEAP_MIN, MemoryBenchmark.HEAP_MAX, MemoryBenchmark.PRE_TOUCH})
public class MemoryBenchmark extends TaskBenchmark {

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "thread-per-task"})
    public String model;


    /** The fork's heap: fixed (see the class comment). */
    static final String HEAP_MIN = "-Xms4g";
    static final String HEAP_MAX = "-Xmx4g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    public MemoryBenchmark() {
        super(1);
    }

    @Override
    String modelName() {
        return model;
    }

    /** How many units wait at once. */
    @Param("1000")
    public int units;

    /** One shot: start {@code units} waiting units, measure, release them, wait for them to end. */
    @Benchmark
    public long waiting() throws InterruptedException {
        if (loop != null) {
            return waitingOnLoop();
        }
        // allocated before the first snapshot, so keeping the threads to join costs the units nothing
        Thread[] ran = new Thread[units];
        MemorySnapshot before = MemorySnapshot.take();
        CountDownLatch waiting = new CountDownLatch(units);
        CountDownLatch signal = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(units);
        int started = 0;
        try {
            for (; started < units; started++) {
                int slot = started;
                threads.execute(() -> {
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
    private long waitingOnLoop() {
        EventLoop l = loop.loop();
        MemorySnapshot before = MemorySnapshot.take();
        List<LoopFuture<Void>> waiters = new ArrayList<>(units);
        LoopFuture<Void> signal = loop.run(() -> {
            LoopFuture<Void> s = l.newFuture();
            for (int i = 0; i < units; i++) {
                waiters.add(l.spawn("unit", () -> s));
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

    private static MemorySnapshot publishPerUnit(MemorySnapshot before, int started) {
        MemorySnapshot grown = MemorySnapshot.take().minus(before);
        // a heap that was resized between the snapshots moved RSS for reasons unrelated to the units
        IterationMetrics.guard(Guard.HEAP_RESIZED, grown.heapCommittedBytes() == 0 ? 0 : 1);
        int n = Math.max(1, started);
        IterationMetrics.publish("heapPerUnit", (double) grown.heapUsedBytes() / n, "bytes");
        // every heap page is resident from the start, so the RSS difference is what the units cost
        // outside the heap; the heap they use is resident too, and adds to it
        IterationMetrics.publish("rssPerUnit", (double) (grown.rssBytes() + grown.heapUsedBytes()) / n, "bytes");
        // likewise reserved: the heap was reserved whole at start-up; what the units reserve is their
        // share of it plus what grew outside it (a platform thread's stack)
        IterationMetrics.publish("vmSizePerUnit", (double) (grown.vmSizeBytes() + grown.heapUsedBytes()) / n, "bytes");
        IterationMetrics.publish("threads", before.threads() + grown.threads(), "count");
        return grown;
    }
}
