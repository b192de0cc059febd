package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import java.util.function.Supplier;

/**
 * The loop of an {@code eventloop} or {@code eventloop+offload} model ({@link
 * dev.concbench.model.ExecutionModel#eventLoop()}), for raw-task benchmarks that hand it code as
 * non-blocking futures. The model owns the loop: it starts and stops it, and its session publishes
 * the loop-blocked evidence.
 *
 * <p>{@link #run} is called from the benchmark thread (never the loop's).
 *
 * @param loop the model's loop
 */
record LoopTasks(EventLoop loop) {

    /** Runs {@code body} as a task on the loop and blocks the caller until it finished; returns its result. */
    <T> T run(Supplier<? extends LoopFuture<T>> body) {
        return loop.submit(body).join();
    }
}
