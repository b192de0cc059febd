package dev.concbench.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The result of asynchronous work on one {@link EventLoop}: asyncio's {@code Future}. Pending until
 * it succeeds, fails or is cancelled, then never changes.
 *
 * <p>Threading: every method except {@link #toCompletableFuture()}, {@link #isDone()} and
 * {@link #loop()} must be called on the loop thread, and fails with {@link IllegalStateException}
 * elsewhere. Done-callbacks are never run inline: completing a future schedules each callback on
 * the loop's ready queue (as asyncio's {@code call_soon}), so completion order is FIFO and stacks
 * stay flat.
 *
 * <p>Cancellation propagates to what the future is waiting on: a future returned by
 * {@link #then} waits on this future and then on the inner future the function returned;
 * cancelling it cancels whichever of those is pending (asyncio: cancelling a task cancels the
 * future it awaits). A {@link EventLoop#sleep} future cancels its timer; a {@link EventLoop#gather}
 * future cancels its children.
 *
 * @param <T> the result type
 */
public class LoopFuture<T> implements Cancellable {

    /** The states {@link #state} holds: a byte, not an enum, so settling needs no GC write barrier. */
    private static final byte PENDING = 0, SUCCEEDED = 1, FAILED = 2, CANCELLED = 3;
    private static final List<String> STATE_NAMES = List.of("PENDING", "SUCCEEDED", "FAILED", "CANCELLED");
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(LoopFuture.class, "state", byte.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The loop's ready queue, which also holds the loop and its thread: one load reaches the ring and the thread to check. */
    private final ReadyQueue ready;
    /**
     * Written on the loop thread with a release store, read plainly there and with an acquire load by
     * {@link #isDone()} elsewhere: the loop needs no volatile store's fence (the result is loop-only).
     */
    private byte state;
    /**
     * The outcome once done: the value when succeeded, the failure when failed (a
     * {@link CancellationException} when cancelled); null while pending. One field for both: a
     * hand-off allocates a future per pass ({@code docs/loop-performance-history.md}, "fourth pass").
     */
    private Object result;
    /**
     * Who waits: null; one done-callback, as registered (a Consumer from {@link #onDone}, which needs
     * no wrapper, or a Runnable from {@link #whenDone}); or from the second on, {@link Waiters} in
     * the order registered. Settling queues a Runnable or the list's Runnables and lets go of them;
     * a Consumer stays, the future itself its ready-queue entry ({@link ReadyQueue}), until
     * {@link #runFirstCallback()} runs it.
     */
    private Object waiters;
    /**
     * While pending, what {@link #cancel()} propagates to: a Cancellable or a List of them. Once
     * succeeded with a value copied or mapped from a succeeded source, that source, whose
     * handed-over value this one carries (see {@link #giveBack()}); null otherwise. One field for
     * both, as they never overlap: settling lets go of the first before the second is set.
     */
    private Object link;

    /** A pending future on {@code loop}; loop thread (or use {@link EventLoop#newFuture()}). */
    public LoopFuture(EventLoop loop) {
        this.ready = loop.readyQueue();
    }

    public EventLoop loop() {
        return ready.loop;
    }

    /** True once succeeded, failed or cancelled. Any thread. */
    public boolean isDone() {
        return (byte) STATE.getAcquire(this) != PENDING;
    }

    public boolean isCancelled() {
        ready.checkInLoop("LoopFuture.isCancelled");
        return state == CANCELLED;
    }

    /** True when done with a result (not failed, not cancelled). */
    public boolean isSucceeded() {
        ready.checkInLoop("LoopFuture.isSucceeded");
        return state == SUCCEEDED;
    }

    /** Completes with {@code result}; false (and no effect) when already done. */
    public boolean complete(T result) {
        return settle(SUCCEEDED, result);
    }

    /**
     * Completes with {@code error}; false when already done. A {@link CancellationException}
     * cancels instead (without propagating: the work that threw it is already over).
     */
    public boolean fail(Throwable error) {
        if (error instanceof CancellationException) {
            return settle(CANCELLED, error);
        }
        return settle(FAILED, error);
    }

    /** Cancels this future and what it is waiting on; false when already done. */
    @Override
    public boolean cancel() {
        Object target = link;  // what it awaits, while pending
        if (!settle(CANCELLED, new CancellationException("cancelled"))) {
            return false;
        }
        cancelAll(target);
        return true;
    }

    /**
     * The result.
     *
     * @throws IllegalStateException when still pending
     * @throws CancellationException when cancelled
     * @throws CompletionException   wrapping the failure when failed
     */
    public T result() {
        ready.checkInLoop("LoopFuture.result");
        return switch (state) {
            case SUCCEEDED -> valueNow();
            case CANCELLED -> throw (CancellationException) result;
            case FAILED -> throw new CompletionException((Throwable) result);
            default -> throw new IllegalStateException("future is still pending");
        };
    }

    /**
     * The failure ({@link CancellationException} when cancelled), or null when it succeeded.
     *
     * @throws IllegalStateException when still pending
     */
    public Throwable exception() {
        ready.checkInLoop("LoopFuture.exception");
        if (state == PENDING) {
            throw new IllegalStateException("future is still pending");
        }
        return failureNow();
    }

    /** Runs {@code callback} on the loop once this is done (soon, if it already is). */
    public LoopFuture<T> onDone(Consumer<? super LoopFuture<T>> callback) {
        ready.checkInLoop("LoopFuture.onDone");
        if (ready.debug) {
            whenDone(ready.loop.traced(() -> callback.accept(this), callback));
        } else if (waiters != null || callback instanceof Runnable) {
            whenDone(() -> callback.accept(this)); // the slot is taken, or a Runnable there would be run
        } else {
            waiters = callback;
            if (state != PENDING) {
                ready.add(this);
            }
        }
        return this;
    }

    /**
     * Runs the done-callback that {@link #onDone} left in {@link #waiters}, letting go of it first:
     * the ready queue's entry for this future ({@link ReadyQueue#run}). Loop thread.
     */
    final void runFirstCallback() {
        @SuppressWarnings("unchecked")
        Consumer<? super LoopFuture<T>> callback = (Consumer<? super LoopFuture<T>>) waiters;
        waiters = null;
        callback.accept(this);
    }

    /**
     * Schedules {@code scheduled} on the loop once this is done (soon, if it already is): the
     * allocation-free form of {@link #onDone} for callers that hold their own callback (a coroutine's
     * resume). Loop thread, already checked.
     */
    final void whenDone(Runnable scheduled) {
        if (state != PENDING) {
            ready.add(scheduled);
        } else if (waiters == null) {
            waiters = scheduled;
        } else if (waiters instanceof Waiters all) {
            all.add(scheduled);
        } else {
            waiters = new Waiters(waiters instanceof Runnable only ? only : firstAsRunnable(), scheduled);
        }
    }

    /** The Consumer that {@link #onDone} left in {@link #waiters}, as a Runnable of its own. */
    private Runnable firstAsRunnable() {
        @SuppressWarnings("unchecked")
        Consumer<? super LoopFuture<T>> callback = (Consumer<? super LoopFuture<T>>) waiters;
        return () -> callback.accept(this);
    }

    /** asyncio's {@code await}: when this succeeds, continue with the future {@code next} returns. */
    public <U> LoopFuture<U> then(Function<? super T, ? extends LoopFuture<U>> next) {
        return Derivation.derive(this, (source, derived) -> {
            if (source.state != SUCCEEDED) {
                derived.fail(source.failureNow());
            } else {
                derived.follow(next.apply(source.valueNow()));
            }
        });
    }

    /** When this succeeds, transform its result (synchronously, on the loop thread). */
    public <U> LoopFuture<U> map(Function<? super T, ? extends U> mapper) {
        return Derivation.derive(this, (source, derived) -> {
            if (source.state != SUCCEEDED) {
                derived.fail(source.failureNow());
            } else {
                derived.completeCarrying(mapper.apply(source.valueNow()), source);
            }
        });
    }

    /**
     * When this is done either way, compute a result from (result, failure); exactly one of them
     * is meaningful ({@code failure} is null on success; a {@link CancellationException} when
     * cancelled). An exception from {@code handler} fails the returned future.
     */
    public <U> LoopFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> handler) {
        return Derivation.derive(this, (source, derived) -> derived.completeCarrying(handler.apply(source.valueNow(), source.failureNow()), source));
    }

    /** When this fails (not when cancelled), continue with the future {@code recovery} returns. */
    public LoopFuture<T> recover(Function<? super Throwable, ? extends LoopFuture<T>> recovery) {
        return Derivation.derive(this, (source, derived) -> {
            if (source.state != FAILED) {
                derived.copy(source);
            } else {
                derived.follow(recovery.apply(unwrap(source.failureNow())));
            }
        });
    }

    /**
     * asyncio's {@code try/finally} with an awaited cleanup: when this is done either way, run
     * the future {@code cleanup} returns, then finish with this future's outcome (a failing
     * cleanup replaces a success, and is added as suppressed to a failure).
     */
    public LoopFuture<T> andFinally(Supplier<? extends LoopFuture<?>> cleanup) {
        return Derivation.andFinally(this, cleanup);
    }

    /**
     * A {@link CompletableFuture} completed (on the loop thread) with this future's outcome, for
     * code outside the loop. Any thread. Cancelling the returned future does not cancel this one.
     * If the loop terminates first, it is completed with a {@link CancellationException}; if
     * {@link EventLoop#close()} had already begun when this was called from another thread, with a
     * {@link RejectedExecutionException}.
     */
    public CompletableFuture<T> toCompletableFuture() {
        return ready.loop.completable(this);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + STATE_NAMES.get(state) + "]";
    }

    /**
     * Completes this with {@code inner}'s outcome once it is done; cancelling this cancels it (and if
     * this was cancelled after {@code inner} succeeded, {@code inner}'s value is given back).
     */
    final void follow(LoopFuture<? extends T> inner) {
        awaitOne(inner);
        inner.onDone(this::copyOrGiveBack);
    }

    /**
     * Called when whoever awaited this future was cancelled after it was done and before taking
     * its value: a {@link Handover} returns what it handed over. False when that could not be
     * undone (the operation stays done); true otherwise. A future that carries a value from
     * another ({@link #copy} of a success: {@code follow}, so {@code waitFor}, the inner future of
     * {@code then} and {@code recover}, {@code andFinally}; {@link #map}, and {@link #handle} of a
     * success) asks that source to give it back, so the give-back reaches the {@link Handover}
     * through any chain of such wrappers. Any other future's value is simply dropped (as asyncio
     * drops the result of a future awaited by a cancelled task). Loop thread.
     */
    boolean giveBack() {
        return state == PENDING || !(link instanceof LoopFuture<?> source) || source.giveBack();
    }

    /** Completes this with {@code value} derived from {@code source}, carrying its hand-over if it succeeded. */
    final void completeCarrying(T value, LoopFuture<?> source) {
        if (complete(value) && source.state == SUCCEEDED) {
            link = source;  // settling let go of what it awaited; an already done future keeps what it carried then
        }
    }

    /** Makes {@code cancel()} propagate to {@code targets} (timers, child futures). */
    final void awaitAll(List<? extends Cancellable> targets) {
        if (state == PENDING) {
            link = targets;
        }
    }

    final void awaitOne(Cancellable target) {
        if (state == PENDING) {
            link = target;  // a done future's link is what it carries
        }
    }

    private void copyOrGiveBack(LoopFuture<? extends T> source) {
        if (state != PENDING) {
            source.giveBack();
        } else {
            copy(source);
        }
    }

    /** Completes this with {@code source}'s outcome; {@code source} must be done. */
    @SuppressWarnings("unchecked")
    final void copy(LoopFuture<? extends T> source) {
        switch (source.state) {
            case SUCCEEDED -> completeCarrying((T) source.result, source);
            case FAILED, CANCELLED -> fail((Throwable) source.result);
            default -> throw new IllegalStateException("copy from a pending future");
        }
    }

    /**
     * Settles a pending future and queues its done-callbacks. The hot path of every hand-off, so it
     * writes no field it need not: {@link #link} only when set, {@link #result} not for a null
     * outcome (the usual {@code complete(null)}: a pending future's result is null).
     */
    private boolean settle(byte outcome, Object outcomeResult) {
        ready.checkInLoop("LoopFuture completion");
        if (state != PENDING) {
            return false;
        }
        if (outcomeResult != null) {
            result = outcomeResult;
        }
        if (waiters != null) {
            queueWaiters();  // before the release store: the JIT then need not read the loop's queue again after it
        }
        if (link != null) {
            link = null; // no longer awaited: cancelling a done future does nothing
        }
        STATE.setRelease(this, outcome);
        return true;
    }

    /** Queues the done-callbacks in order: this future for a Consumer (it stays until it runs), else the Runnables, let go of. */
    private void queueWaiters() {
        Object toRun = waiters;
        if (toRun instanceof Runnable one) {
            waiters = null;
            ready.add(one);
        } else if (toRun instanceof Waiters all) {
            waiters = null;
            all.forEach(ready::add);
        } else {
            ready.add(this);
        }
    }

    /** The value when succeeded, else null. Loop thread. */
    @SuppressWarnings("unchecked")
    private T valueNow() {
        return state == SUCCEEDED ? (T) result : null;
    }

    /** The failure ({@link CancellationException} when cancelled) when failed or cancelled, else null. Loop thread. */
    private Throwable failureNow() {
        return state == SUCCEEDED ? null : (Throwable) result;
    }

    private static void cancelAll(Object target) {
        if (target instanceof Cancellable one) {
            one.cancel();
        } else if (target instanceof List<?> many) {
            many.forEach(t -> ((Cancellable) t).cancel());
        }
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
