package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopOptions;
import dev.concbench.loop.LoopStats;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.vocab.Guard;
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

    /**
     * With {@code -Dconcbench.loopDebug=true} on the fork, the loop runs in debug mode and logs each
     * slow callback with where it was scheduled, to find what blocked a loop that a guard reports.
     */
    static final String DEBUG_PROPERTY = "concbench.loopDebug";

    private final EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("concbench-bench-loop")
            .withDebug(Boolean.getBoolean(DEBUG_PROPERTY)));
    private final LoopBlockedEvidence blocked = new LoopBlockedEvidence();

    /** The loop, for code that schedules on it. */
    EventLoop loop() {
        return loop;
    }

    /** Runs {@code body} as a task on the loop and blocks the caller until it finished; returns its result. */
    <T> T run(Supplier<? extends LoopFuture<T>> body) {
        return loop.submit(body).join();
    }

    /** Publishes (and resets) the callbacks that blocked the loop too long, as {@link LoopBlockedEvidence} counts them. */
    void publishLoopBlocked() {
        LoopStats now = run(() -> loop.completed(loop.stats()));
        IterationMetrics.guard(Guard.LOOP_BLOCKED, blocked.endIteration(now));
    }

    @Override
    public void close() {
        loop.close();
    }
}
