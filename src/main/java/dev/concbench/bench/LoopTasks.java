package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopOptions;
import dev.concbench.loop.LoopStats;
import dev.concbench.metrics.IterationMetrics;
import java.util.function.Supplier;

/**
 * The {@code eventloop} side of the raw-task benchmarks: one {@link EventLoop} for the trial, code
 * handed to it as non-blocking futures, and the loop-blocked evidence (callbacks longer than the
 * slow-callback threshold) for scenarios that claim the loop stays responsive.
 *
 * <p>Lifecycle: the loop starts on construction and stops in {@link #close()}. {@link #run} is
 * called from the benchmark thread (never the loop's).
 */
final class LoopTasks implements AutoCloseable {

    private final EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("concbench-bench-loop"));
    private LoopStats lastStats = new LoopStats(0, 0, 0, 0, 0);

    /** The loop, for code that schedules on it. */
    EventLoop loop() {
        return loop;
    }

    /** Runs {@code body} as a task on the loop and blocks the caller until it finished; returns its result. */
    <T> T run(Supplier<? extends LoopFuture<T>> body) {
        return loop.submit(body).join();
    }

    /** Publishes (and resets) the number of callbacks since the last call that blocked the loop too long. */
    void publishLoopBlocked() {
        LoopStats now = run(() -> loop.completed(loop.stats()));
        IterationMetrics.guard("loopBlocked", now.since(lastStats).slowCallbacks());
        lastStats = now;
    }

    @Override
    public void close() {
        loop.close();
    }
}
