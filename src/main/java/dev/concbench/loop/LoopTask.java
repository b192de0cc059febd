package dev.concbench.loop;

import java.util.function.Supplier;

/**
 * A named unit of asynchronous work scheduled on the loop: asyncio's {@code Task}. Created by
 * {@link EventLoop#spawn} ({@code create_task}): the body runs on the loop's next turn, and the
 * task completes with the outcome of the future the body returns. Cancelling the task before the
 * body ran means it never runs; afterwards, it cancels the future the body is waiting on. A task
 * that runs a {@link Coroutine} is different, as in asyncio: cancelling it is a request the
 * coroutine handles at its await, and the task is done only once the coroutine is (see
 * {@link Coroutine}).
 *
 * <p>Threading: as {@link LoopFuture}.
 *
 * @param <T> the result type
 */
public final class LoopTask<T> extends LoopFuture<T> {

    private final String name;
    /** The coroutine this task runs, which decides when a cancelled task is done; null for a plain task. */
    private Coroutine<T> coroutine;
    /**
     * The task the body returned, if it returned one ({@link Coroutine#run}, {@link EventLoop#submit}
     * of a spawned task): cancelling this task cancels that one, and this one ends with it, so a
     * coroutine's cleanup, or its swallowing of the cancellation, decides this task's outcome too.
     */
    private LoopTask<? extends T> inner;

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
        if (inner instanceof LoopTask<T> task) {
            this.inner = task;
        }
        follow(inner);
    }

    /** Hands cancellation to {@code runner}: from now on {@link #cancel()} is its request. Loop thread, once. */
    void runBy(Coroutine<T> runner) {
        coroutine = runner;
    }

    /**
     * Cancels the task (asyncio's {@code Task.cancel()}); false when it is already done. A coroutine
     * task is not done yet when this returns true: its coroutine is asked to stop at its await.
     */
    @Override
    public boolean cancel() {
        if (inner != null) {
            return !isDone() && inner.cancel();
        }
        return coroutine == null ? super.cancel() : coroutine.requestCancel();
    }

    /** Whether this task ends with another task (the one its body returned), which answers for itself. */
    boolean followsTask() {
        return inner != null;
    }

    /** Settles the task as cancelled now, whatever runs it. */
    boolean cancelNow() {
        return super.cancel();
    }

    @Override
    public String toString() {
        return "LoopTask[" + name + "]";
    }
}
