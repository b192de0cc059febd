package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;

import static dev.concbench.vocab.ModelKind.PROCESS_POOL;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.Workload;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * task is a future and a queue entry (on Netty, a task {@code submit}ted to its loop and a listener on
 * its future); a process-pool round trip crosses a socket to another JVM.
 * Every child is started through the model ({@code ExecutionModel.execute}, or a loop task or
 * worker round trip of the model), so its placement is checked as {@code ModelEquivalenceTest}
 * proves; a thread model's child counts as finished when its thread has ended.
 * Expect loop and virtual in microseconds or less, platform threads tens of microseconds, the
 * process pool slowest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpawnBenchmark extends TaskBenchmark {

    /** Start-and-finish cycles per invocation. */
    static final int SPAWNS = 200;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "thread-per-task", "process-pool", "coroutines", "netty"})
    public String model;

    public SpawnBenchmark() {
        // one parent at a time
        super(1);
    }

    @Override
    String modelName() {
        return model;
    }

    private ModelSession workers;

    @Override
    void startTrial() {
        if (model.equals(PROCESS_POOL.id())) {
            workers = new ModelSession(model, Map.of(ModelParams.WORKERS, "1"), 0, false);
        }
    }

    @TearDown(Level.Iteration)
    public void publishWorkerGuards() {
        if (workers != null) {
            workers.publishGuards();
        }
    }

    @Override
    void stopTrial() {
        if (workers != null) {
            workers.close();
        }
    }

    /** One invocation: a parent of the model starts and joins {@value #SPAWNS} children, one at a time. */
    @Benchmark
    @OperationsPerInvocation(SPAWNS)
    public void spawn() throws Exception {
        if (netty != null) {
            netty.run(() -> netty.spawn(SPAWNS));
            return;
        }
        if (loop != null) {
            loop.run(() -> COROUTINES.is(model) ? LoopCoroutines.spawn(loop.loop(), SPAWNS) : spawnOnLoop(loop.loop(), SPAWNS));
            return;
        }
        if (workers != null) {
            Workload nothing = new Workload.CpuBurn(0);
            for (int i = 0; i < SPAWNS; i++) {
                workers.submit(nothing).join();
            }
            return;
        }
        CompletableFuture<Void> batch = new CompletableFuture<>();
        threads.execute(() -> {
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

    /** {@code n} loop tasks, each started and awaited before the next: asyncio's create_task + await. */
    private static LoopFuture<Void> spawnOnLoop(EventLoop loop, int n) {
        LoopFuture<Void> done = loop.newFuture();
        spawnNext(loop, n, done);
        return done;
    }

    private static void spawnNext(EventLoop loop, int left, LoopFuture<Void> done) {
        if (left == 0) {
            done.complete(null);
            return;
        }
        loop.spawn("child", () -> loop.completed(null)).onDone(t -> spawnNext(loop, left - 1, done));
    }

    /**
     * One child: a raw task of the thread model (a new thread, placement-checked by the model),
     * waited for until its thread has ended.
     */
    Thread child() {
        CompletableFuture<Thread> started = new CompletableFuture<>();
        threads.execute(() -> started.complete(Thread.currentThread()));
        return started.join();
    }
}
