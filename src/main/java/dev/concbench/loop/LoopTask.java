package dev.concbench.loop;

import java.util.function.Supplier;

/**
 * A named unit of asynchronous work scheduled on the loop: asyncio's {@code Task}. Created by
 * {@link EventLoop#spawn} ({@code create_task}): the body runs on the loop's next turn, and the
 * task completes with the outcome of the future the body returns. Cancelling the task before the
 * body ran means it never runs; afterwards, it cancels the future the body is waiting on.
 *
 * <p>Threading: as {@link LoopFuture}.
 *
 * @param <T> the result type
 */
public final class LoopTask<T> extends LoopFuture<T> {

    private final String name;

    LoopTask(EventLoop loop, String name) {
        super(loop);
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Runs the body now (loop thread) and follows the future it returns. */
    void start(Supplier<? extends LoopFuture<T>> body) {
        if (isDone()) {
            return;
        }
        LoopFuture<T> inner;
        try {
            inner = body.get();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        follow(inner);
    }

    @Override
    public String toString() {
        return "LoopTask[" + name + "]";
    }
}
