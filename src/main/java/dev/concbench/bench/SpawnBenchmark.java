package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The table's "Context Switch" and "Memory Usage" rows, from the side of creation cost: a
 * coroutine is cheap to make, a thread is not.
 *
 * <p>A parent task of the model starts one child task and waits for it to finish, {@value #SPAWNS}
 * times in a row; the score is the time per start-and-finish. A platform thread costs a
 * {@code clone()} and a kernel stack; a virtual thread is a heap object and a continuation; a loop
 * task is a future and a queue entry; a process-pool round trip crosses a socket to another JVM.
 * Expect loop and virtual in microseconds or less, platform threads tens of microseconds, the
 * process pool slowest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpawnBenchmark extends ThreadTasksBenchmark {

    /** Start-and-finish cycles per invocation. */
    static final int SPAWNS = 200;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"virtual", "thread-per-task"})
    public String model;

    private final AtomicLong notVirtual = new AtomicLong();


    public SpawnBenchmark() {
        // one parent at a time
        super(1);
    }

    @Override
    String modelName() {
        return model;
    }

    @TearDown(Level.Iteration)
    public void publishChildGuards() {
        IterationMetrics.guard("notVirtual", notVirtual.getAndSet(0));
    }

    /** One invocation: a parent of the model starts and joins {@value #SPAWNS} children, one at a time. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public void spawn() throws Exception {
        CompletableFuture<Void> batch = new CompletableFuture<>();
        tasks.execute(() -> {
            try {
                for (int i = 0; i < SPAWNS; i++) {
                    child().join();
                }
                batch.complete(null);
            } catch (InterruptedException | RuntimeException e) {
                batch.completeExceptionally(e);
            }
        });
        batch.get();
    }

    private Thread child() {
        Runnable body = () -> {
            if (model.equals("virtual") && !Thread.currentThread().isVirtual()) {
                notVirtual.incrementAndGet();
            }
        };
        return model.equals("virtual") ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body);
    }
}
