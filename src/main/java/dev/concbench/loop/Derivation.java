package dev.concbench.loop;

import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Futures derived from another on the same loop: the plumbing under {@link LoopFuture#then},
 * {@link LoopFuture#map}, {@link LoopFuture#handle}, {@link LoopFuture#recover} and
 * {@link LoopFuture#andFinally}. A derived future waits on its source, so cancelling it cancels
 * the source (asyncio: cancelling a task cancels the future it awaits); how it goes on once the
 * source is done is each combinator's own {@link Continuation}, or the awaited cleanup of
 * {@code andFinally}. Its own class so that {@link LoopFuture} keeps to its state, completion and
 * done-callbacks (the hot path of every hand-off), and the wiring of a derived future has one
 * owner. Loop thread only.
 */
final class Derivation {

    private Derivation() {
    }

    /** How a derived future goes on once its source is done. */
    @FunctionalInterface
    interface Continuation<S, D> {
        void proceed(LoopFuture<S> source, LoopFuture<D> derived);
    }

    /**
     * A future that waits on {@code source} (so cancelling it cancels the source), then runs
     * {@code continuation} unless it was cancelled meanwhile; an exception from the continuation
     * fails it.
     */
    static <T, U> LoopFuture<U> derive(LoopFuture<T> source, Continuation<T, U> continuation) {
        LoopFuture<U> derived = new LoopFuture<>(source.loop());
        derived.awaitOne(source);
        source.onDone(done -> {
            if (derived.isDone()) {
                done.giveBack();  // cancelled while the value was in flight: nobody takes it
                return;
            }
            try {
                continuation.proceed(done, derived);
            } catch (RuntimeException e) {
                derived.fail(e);
            }
        });
        return derived;
    }

    /**
     * {@link LoopFuture#andFinally}: when {@code source} is done either way, run the future
     * {@code cleanup} returns, then finish with the source's outcome (a failing cleanup replaces a
     * success, and is added as suppressed to a failure; after the derived future was cancelled, it
     * is reported to the loop as a callback failure).
     */
    static <T> LoopFuture<T> andFinally(LoopFuture<T> source, Supplier<? extends LoopFuture<?>> cleanup) {
        EventLoop loop = source.loop();
        LoopFuture<T> derived = new LoopFuture<>(loop);
        derived.awaitOne(source);
        source.onDone(done -> {
            LoopFuture<?> cleaning;
            try {
                cleaning = cleanup.get();
            } catch (RuntimeException e) {
                cleaning = loop.failed(e);
            }
            cleaning.onDone(c -> {
                if (failed(c) && derived.isDone()) {
                    loop.countCallbackFailure("cleanup after cancellation", asRuntime(c.exception()));
                } else if (failed(c) && done.isSucceeded()) {
                    derived.fail(c.exception());
                } else {
                    Throwable failure = done.exception();
                    if (failed(c) && failure != null && failure != c.exception()) {
                        failure.addSuppressed(c.exception());
                    }
                    derived.copy(done);
                }
            });
        });
        return derived;
    }

    /** Whether a done future failed (neither succeeded nor was cancelled). */
    private static boolean failed(LoopFuture<?> done) {
        return !done.isSucceeded() && !done.isCancelled();
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new CompletionException(t);
    }
}
