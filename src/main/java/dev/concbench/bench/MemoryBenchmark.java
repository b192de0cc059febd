package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.MemorySnapshot;
import java.util.ArrayList;
import java.util.List;
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
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemoryBenchmark extends TaskBenchmark {

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "thread-per-task"})
    public String model;


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
        MemorySnapshot before = MemorySnapshot.take();
        CountDownLatch waiting = new CountDownLatch(units);
        CountDownLatch signal = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(units);
        int started = 0;
        try {
            for (; started < units; started++) {
                threads.execute(() -> {
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
            IterationMetrics.guard("incomplete", units - started);
            for (int i = started; i < units; i++) {
                waiting.countDown();
                ended.countDown();
            }
        }
        waiting.await();
        MemorySnapshot grown = publishPerUnit(before, started);
        signal.countDown();
        ended.await();
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
        int n = Math.max(1, started);
        IterationMetrics.publish("heapPerUnit", (double) grown.heapUsedBytes() / n, "bytes");
        IterationMetrics.publish("rssPerUnit", (double) grown.rssBytes() / n, "bytes");
        IterationMetrics.publish("vmSizePerUnit", (double) grown.vmSizeBytes() / n, "bytes");
        IterationMetrics.publish("threads", before.threads() + grown.threads(), "count");
        return grown;
    }
}
