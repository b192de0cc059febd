package dev.concbench.loop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * What a stopping {@link LoopCore} owes the work it still holds, as asyncio's shutdown in
 * {@code run}: the live tasks, kept here until they are done and cancelled when the loop begins to
 * stop; the real-time grace ({@link LoopOptions#shutdownGrace()}) they get to finish their cleanup;
 * and the reports of what is left when it runs out (tasks abandoned, callbacks still ready) or
 * raced with the end (submissions dropped). Its own class so that one owner answers for everything
 * held at shutdown and nothing is dropped silently; the turn itself (I/O, timers, ready callbacks)
 * stays in {@link LoopCore}, which owns its hot path, and is passed in as a {@link Turn}.
 *
 * <p>Threading: loop thread only.
 */
final class LoopShutdown {

    private final Set<LoopTask<?>> liveTasks = new LinkedHashSet<>();
    private final LoopOptions options;
    private final Thread thread;
    /** Counts and reports a task that failed (here: abandoned), as {@link LoopCore#countTaskFailure}. */
    private final BiConsumer<String, Throwable> taskFailed;

    LoopShutdown(LoopOptions options, Thread thread, BiConsumer<String, Throwable> taskFailed) {
        this.options = options;
        this.thread = thread;
        this.taskFailed = taskFailed;
    }

    /** Keeps {@code task} alive until it is done, and cancels it at shutdown. */
    void track(LoopTask<?> task) {
        liveTasks.add(task);
        task.onDone(liveTasks::remove);
    }

    /** One turn of the loop, waiting for I/O at most {@code maxWaitNanos} ({@code LoopCore.runOnce}). */
    @FunctionalInterface
    interface Turn {
        void runOnce(long maxWaitNanos) throws IOException;
    }

    /**
     * Cancels every live task, then keeps turning the loop (I/O, timers, ready callbacks) until the
     * tasks have finished their cleanup, which may await, and nothing is ready or submitted (a
     * callback another thread submitted before the loop began to stop runs, as it would have on the
     * next turn: the turn moves submissions to the ready queue); but no longer than
     * {@link LoopOptions#shutdownGrace()} in real time, so a task that never finishes cannot hang
     * {@code close()}: it is abandoned and reported, as are the callbacks still ready.
     */
    void drain(ReadyQueue ready, Queue<Runnable> submissions, Turn turn) throws IOException {
        new ArrayList<>(liveTasks).forEach(LoopTask::cancel);
        LoopClock real = LoopClock.system();  // the grace bounds the caller's wait, whatever the loop's clock says
        long deadline = real.nanoTime() + options.shutdownGrace().toNanos();
        for (long left = deadline - real.nanoTime(); (!liveTasks.isEmpty() || !ready.isEmpty() || !submissions.isEmpty()) && left > 0;
                left = deadline - real.nanoTime()) {
            turn.runOnce(left);
        }
        reportAbandoned(ready);
    }

    /** Tasks still running when the grace ran out, and callbacks still ready: counted and reported, never silently dropped. */
    private void reportAbandoned(ReadyQueue ready) {
        String grace = options.shutdownGrace().toMillis() + " ms";
        for (LoopTask<?> task : liveTasks) {
            if (task.followsTask()) {
                continue;  // the task it ends with is live too, and reported once, under its own name
            }
            taskFailed.accept(task.name(), new CancellationException("still running " + grace
                    + " after event loop '" + thread.getName() + "' began to stop; abandoned"));
        }
        int dropped = 0;
        for (Object entry = ready.poll(); entry != null; entry = ready.poll()) {
            dropped++;
        }
        if (dropped > 0) {
            options.listener().callbackFailed("shutdown", new RejectedExecutionException(dropped
                    + " callback(s) still ready " + grace + " after event loop '" + thread.getName()
                    + "' began to stop were dropped"));
        }
    }

    /** Callbacks that raced with the end of shutdown cannot run any more: say so rather than drop them silently. */
    void reportDroppedSubmissions(Queue<Runnable> submissions) {
        // poll, not size() then clear(): a submitter that fails to take its callback back counts on it being counted here
        int dropped = 0;
        while (submissions.poll() != null) {
            dropped++;
        }
        if (dropped > 0) {
            options.listener().callbackFailed("shutdown", new RejectedExecutionException(
                    dropped + " callback(s) submitted while event loop '" + thread.getName() + "' was stopping were dropped"));
        }
    }
}
