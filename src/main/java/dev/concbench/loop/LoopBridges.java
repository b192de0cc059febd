package dev.concbench.loop;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cross-thread bridges of one {@link EventLoop}: loop work awaited from other threads
 * ({@link CompletableFuture}s, asyncio's {@code run_coroutine_threadsafe}) and other threads' work
 * awaited on the loop ({@code run_in_executor}, adapted {@link CompletionStage}s). Every
 * {@code CompletableFuture} handed out is tracked, so when the loop stops none is left pending.
 */
final class LoopBridges {

    private final EventLoop loop;
    private final Set<CompletableFuture<?>> bridges = ConcurrentHashMap.newKeySet();

    LoopBridges(EventLoop loop) {
        this.loop = loop;
    }

    /** See {@link EventLoop#submit}. Any thread. */
    <T> CompletableFuture<T> submit(Supplier<? extends LoopFuture<T>> body) {
        CompletableFuture<T> bridge = new CompletableFuture<>();
        track(bridge);
        loop.execute(() -> {
            if (bridge.isCancelled()) {
                return;  // cancelled before it started: the body never runs
            }
            LoopTask<T> task = loop.spawn("submitted", body);
            task.onDone(relayTo(bridge));
            bridge.whenComplete((v, e) -> cancelIfCancelled(bridge, task));
        });
        return bridge;
    }

    /** See {@link LoopFuture#toCompletableFuture()}. Any thread. */
    <T> CompletableFuture<T> completable(LoopFuture<T> future) {
        CompletableFuture<T> bridge = new CompletableFuture<>();
        track(bridge);
        if (loop.inLoop()) {
            future.onDone(relayTo(bridge));
            return bridge;
        }
        try {
            loop.execute(() -> future.onDone(relayTo(bridge)));
        } catch (RejectedExecutionException e) {
            bridge.completeExceptionally(e);  // the loop is gone: the future will never complete
        }
        return bridge;
    }

    /** A done-callback that completes {@code bridge} with the future's outcome. */
    private static <T> Consumer<LoopFuture<T>> relayTo(CompletableFuture<T> bridge) {
        return done -> {
            Throwable error = done.exception();
            if (error == null) {
                bridge.complete(done.result());
            } else {
                bridge.completeExceptionally(error);
            }
        };
    }

    /**
     * asyncio's {@code run_coroutine_threadsafe}: cancelling the caller's future cancels the task
     * (and so the future or coroutine it follows). Any thread.
     */
    private void cancelIfCancelled(CompletableFuture<?> bridge, LoopTask<?> task) {
        if (!bridge.isCancelled()) {
            return;
        }
        if (loop.inLoop()) {
            task.cancel();
            return;
        }
        try {
            loop.execute(task::cancel);
        } catch (RejectedExecutionException stopping) {
            // the loop has begun to stop, and its shutdown cancels every live task itself
        }
    }

    /** See {@link EventLoop#runInExecutor}. Loop thread. */
    <T> LoopFuture<T> runInExecutor(Executor executor, Callable<T> work) {
        LoopFuture<T> f = loop.newFuture();
        executor.execute(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                executeIfRunning(() -> f.fail(e));
                return;
            }
            executeIfRunning(() -> f.complete(value));
        });
        return f;
    }

    /** See {@link EventLoop#adapt}. Loop thread. */
    <T> LoopFuture<T> adapt(CompletionStage<T> stage) {
        LoopFuture<T> f = loop.newFuture();
        stage.whenComplete((value, error) -> executeIfRunning(() -> {
            if (error == null) {
                f.complete(value);
            } else {
                f.fail(LoopFuture.unwrap(error));
            }
        }));
        return f;
    }

    /** Fails {@code bridge} with a {@link CancellationException} if the loop stops first. Any thread. */
    void track(CompletableFuture<?> bridge) {
        bridges.add(bridge);
        bridge.whenComplete((v, e) -> bridges.remove(bridge));
        if (loop.state().compareTo(LoopState.STOPPING) > 0) {
            bridge.completeExceptionally(stopped());
        }
    }

    /** The loop has stopped: every bridge still pending fails. Loop thread, at the very end. */
    void failPending() {
        CancellationException stopped = new CancellationException("event loop '" + loop.threadName()
                + "' stopped before this completed: its work was still running when the shutdown grace ran out, and was abandoned");
        bridges.forEach(b -> b.completeExceptionally(stopped));
        bridges.clear();
    }

    private CancellationException stopped() {
        return new CancellationException("event loop '" + loop.threadName() + "' stopped");
    }

    /** Completion from a foreign thread; dropped (the future stays pending) once the loop is gone. */
    private void executeIfRunning(Runnable completion) {
        try {
            loop.execute(completion);
        } catch (RejectedExecutionException e) {
            loop.options().listener().callbackFailed(completion, e);
        }
    }
}
