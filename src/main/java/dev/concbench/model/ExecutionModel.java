package dev.concbench.model;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopStats;
import dev.concbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One way of running tasks: an event loop, a thread pool, a thread per task, virtual threads, worker
 * processes, or a loop that offloads CPU work. Obtain one from {@link Models}; it is RUNNING from the
 * start.
 *
 * <p>Thread-safety: {@link #submit} may be called from any thread that is not one of the model's own
 * (for {@code eventloop}, not the loop thread); {@link #close()} from any thread.
 */
public interface ExecutionModel extends AutoCloseable {

    /** The model's name as {@code docs/metrics.md} spells it, e.g. {@code "platform-pool"}. */
    String name();

    /** The model's parameters ({@code poolSize}, {@code workers}, {@code carriers}, {@code offload}) as given. */
    Map<String, String> params();

    /** The lifecycle state now. */
    ModelState state();

    /**
     * How many of this model's worker processes died and were replaced since it started (a worker
     * killed between tasks is replaced silently; the rows it served say so); 0 for models without
     * worker processes. Any thread.
     */
    default long replacedWorkers() {
        return 0;
    }

    /**
     * The event loop this model's tasks run on ({@code eventloop}, {@code eventloop+offload}), for
     * probes that read its lag or {@link EventLoop#stats()}; empty for the other models.
     */
    default Optional<EventLoop> eventLoop() {
        return Optional.empty();
    }

    /**
     * The Netty event loop this model's tasks run on ({@code netty}), for benchmarks that hand it
     * raw tasks in Netty's own idiom; empty for the other models.
     */
    default Optional<io.netty.channel.EventLoop> nettyLoop() {
        return Optional.empty();
    }

    /**
     * The thread pool an {@code eventloop+offload} model with {@code offload=threads} hands work to
     * through {@code runInExecutor}, or a {@code netty} model with {@code offload=executor} hands it
     * (its Netty {@code EventExecutorGroup}), for raw-task benchmarks that offload work of their own;
     * empty for every other model.
     */
    default Optional<Executor> offloadExecutor() {
        return Optional.empty();
    }

    /**
     * What this model's event loop reports about stalls, for the loop-blocked guard: our loop's own
     * {@link EventLoop#stats()}, or for {@code netty} a heartbeat's lateness in the same form (a beat
     * later than the slow-callback threshold counts as a slow callback); empty for models without a
     * loop. Any thread.
     */
    default Optional<LoopStats> loopStats() {
        return eventLoop().map(EventLoop::stats);
    }

    /**
     * Starts one task running {@code workload} in this model's native style.
     *
     * @return completes with the result and its checked placements; completes exceptionally with
     *     {@link ModelViolationException} when a step ran somewhere the model does not claim, or with
     *     the workload's own failure (an {@link java.io.IOException} from a request, ...)
     * @throws java.util.concurrent.RejectedExecutionException when the model is not RUNNING
     */
    CompletableFuture<TaskResult> submit(Workload workload);

    /**
     * Starts {@code task}, a raw task rather than a workload, where this model runs its tasks: on one
     * of its threads ({@code platform-pool}, {@code thread-per-task}, {@code virtual}) or as a
     * callback on its loop ({@code eventloop}, {@code eventloop+offload}, {@code netty}). For benchmarks that need
     * finer control than a workload (a token hand-off, a waiting unit, a heartbeat), so that they run
     * on the same threads, with the same placement check, as {@link #submit}. The task always runs; a
     * placement the model does not claim is first handed to {@code onViolation}, on the task's thread.
     *
     * @param task        what to run; on a loop, it must not block
     * @param onViolation told when the thread the task started on is not one the model claims
     * @throws UnsupportedOperationException for {@code process-pool}, whose tasks run in other JVMs
     * @throws java.util.concurrent.RejectedExecutionException when the model is not RUNNING
     */
    void execute(Runnable task, Consumer<ModelViolationException> onViolation);

    /**
     * Starts {@code tasks} tasks of the same workload at once.
     *
     * @param tasks how many, {@code >= 1}
     * @return completes when all did, with their results in submission order; exceptionally on the first failure
     */
    default CompletableFuture<List<TaskResult>> submitAll(Workload workload, int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, was " + tasks);
        }
        List<CompletableFuture<TaskResult>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            futures.add(submit(workload));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Stops the model: rejects new tasks, interrupts or cancels the ones in flight (their futures
     * complete exceptionally) and returns once every thread and process it started has ended.
     * Idempotent.
     *
     * @throws IllegalStateException (state FAILED) when something it started outlived the grace period
     */
    @Override
    void close();
}
