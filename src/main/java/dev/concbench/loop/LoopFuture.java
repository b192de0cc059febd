package dev.concbench.loop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
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

    private enum State { PENDING, SUCCEEDED, FAILED, CANCELLED }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(LoopFuture.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventLoop loop;
    /**
     * Written on the loop thread with a release store, read plainly there and with an acquire load by
     * {@link #isDone()} elsewhere: a volatile store per completion would cost a fence the loop does
     * not need (the value and failure are only read on the loop thread).
     */
    private State state = State.PENDING;
    private T value;
    private Throwable failure;
    /**
     * The first done-callback, when it came through {@link #onDone} and nothing registered before it
     * is still waiting: most futures have one callback, and it needs no wrapper. Once this future is
     * done, the future itself is the ready-queue entry ({@link ReadyQueue}) and this field holds the
     * callback until {@link #runFirstCallback()} runs it. While pending it runs before
     * {@link #callbacks}, which were all registered after it.
     */
    private Consumer<? super LoopFuture<T>> first;
    /** The other done-callbacks while pending: null, one Runnable, or a List of them. */
    private Object callbacks;
    /** What {@link #cancel()} propagates to while this is pending: a Cancellable or a List of them. */
    private Object awaiting;
    /**
     * The future whose handed-over value this one carries (see {@link #giveBack()}): set when this
     * succeeded with a value copied or mapped from a succeeded source; null otherwise.
     */
    private LoopFuture<?> carriedFrom;

    /** A pending future on {@code loop}; loop thread (or use {@link EventLoop#newFuture()}). */
    public LoopFuture(EventLoop loop) {
        this.loop = loop;
    }

    public EventLoop loop() {
        return loop;
    }

    /** True once succeeded, failed or cancelled. Any thread. */
    public boolean isDone() {
        return STATE.getAcquire(this) != State.PENDING;
    }

    public boolean isCancelled() {
        loop.checkInLoop("LoopFuture.isCancelled");
        return state == State.CANCELLED;
    }

    /** True when done with a result (not failed, not cancelled). */
    public boolean isSucceeded() {
        loop.checkInLoop("LoopFuture.isSucceeded");
        return state == State.SUCCEEDED;
    }

    /** Completes with {@code result}; false (and no effect) when already done. */
    public boolean complete(T result) {
        return settle(State.SUCCEEDED, result, null);
    }

    /**
     * Completes with {@code error}; false when already done. A {@link CancellationException}
     * cancels instead (without propagating: the work that threw it is already over).
     */
    public boolean fail(Throwable error) {
        if (error instanceof CancellationException) {
            return settle(State.CANCELLED, null, error);
        }
        return settle(State.FAILED, null, error);
    }

    /** Cancels this future and what it is waiting on; false when already done. */
    @Override
    public boolean cancel() {
        Object target = awaiting;
        if (!settle(State.CANCELLED, null, new CancellationException("cancelled"))) {
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
        loop.checkInLoop("LoopFuture.result");
        return switch (state) {
            case PENDING -> throw new IllegalStateException("future is still pending");
            case SUCCEEDED -> value;
            case CANCELLED -> throw (CancellationException) failure;
            case FAILED -> throw new CompletionException(failure);
        };
    }

    /**
     * The failure ({@link CancellationException} when cancelled), or null when it succeeded.
     *
     * @throws IllegalStateException when still pending
     */
    public Throwable exception() {
        loop.checkInLoop("LoopFuture.exception");
        if (state == State.PENDING) {
            throw new IllegalStateException("future is still pending");
        }
        return failure;
    }

    /** Runs {@code callback} on the loop once this is done (soon, if it already is). */
    public LoopFuture<T> onDone(Consumer<? super LoopFuture<T>> callback) {
        loop.checkInLoop("LoopFuture.onDone");
        if (loop.debug()) {
            whenDone(loop.traced(() -> callback.accept(this), callback));
        } else if (first != null || (state == State.PENDING && callbacks != null)) {
            whenDone(() -> callback.accept(this)); // the slot is taken, or callbacks came first
        } else {
            first = callback;
            if (state != State.PENDING) {
                loop.callSoonFirst(this);
            }
        }
        return this;
    }

    /**
     * Runs the done-callback held in {@link #first}, letting go of it first: the ready queue's entry
     * for this future ({@link ReadyQueue#run}). Loop thread.
     */
    final void runFirstCallback() {
        Consumer<? super LoopFuture<T>> callback = first;
        first = null;
        callback.accept(this);
    }

    /**
     * Schedules {@code scheduled} on the loop once this is done (soon, if it already is): the
     * allocation-free form of {@link #onDone} for callers that hold their own callback (a coroutine's
     * resume). Loop thread, already checked.
     */
    final void whenDone(Runnable scheduled) {
        if (state != State.PENDING) {
            loop.callSoon(scheduled);
        } else if (callbacks == null) {
            callbacks = scheduled;
        } else if (callbacks instanceof Runnable only) {
            List<Runnable> all = new ArrayList<>(4);
            all.add(only);
            all.add(scheduled);
            callbacks = all;
        } else {
            @SuppressWarnings("unchecked")
            List<Runnable> all = (List<Runnable>) callbacks;
            all.add(scheduled);
        }
    }

    /** asyncio's {@code await}: when this succeeds, continue with the future {@code next} returns. */
    public <U> LoopFuture<U> then(Function<? super T, ? extends LoopFuture<U>> next) {
        return Derivation.derive(this, (source, derived) -> {
            if (source.state != State.SUCCEEDED) {
                derived.fail(source.failure);
            } else {
                derived.follow(next.apply(source.value));
            }
        });
    }

    /** When this succeeds, transform its result (synchronously, on the loop thread). */
    public <U> LoopFuture<U> map(Function<? super T, ? extends U> mapper) {
        return Derivation.derive(this, (source, derived) -> {
            if (source.state != State.SUCCEEDED) {
                derived.fail(source.failure);
            } else {
                derived.completeCarrying(mapper.apply(source.value), source);
            }
        });
    }

    /**
     * When this is done either way, compute a result from (result, failure); exactly one of them
     * is meaningful ({@code failure} is null on success; a {@link CancellationException} when
     * cancelled). An exception from {@code handler} fails the returned future.
     */
    public <U> LoopFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> handler) {
        return Derivation.derive(this, (source, derived) -> derived.completeCarrying(handler.apply(source.value, source.failure), source));
    }

    /** When this fails (not when cancelled), continue with the future {@code recovery} returns. */
    public LoopFuture<T> recover(Function<? super Throwable, ? extends LoopFuture<T>> recovery) {
        return Derivation.derive(this, (source, derived) -> {
            if (source.state != State.FAILED) {
                derived.copy(source);
            } else {
                derived.follow(recovery.apply(unwrap(source.failure)));
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
        CompletableFuture<T> bridge = new CompletableFuture<>();
        loop.trackBridge(bridge);
        Runnable attach = () -> onDone(f -> {
            if (f.state == State.SUCCEEDED) {
                bridge.complete(f.value);
            } else {
                bridge.completeExceptionally(f.failure);
            }
        });
        if (loop.inLoop()) {
            attach.run();
        } else {
            try {
                loop.execute(attach);
            } catch (RejectedExecutionException e) {
                bridge.completeExceptionally(e);  // the loop is gone: this future will never complete
            }
        }
        return bridge;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + state + "]";
    }

    /**
     * Completes this with {@code inner}'s outcome once it is done; cancelling this cancels it (and if
     * this was cancelled after {@code inner} succeeded, {@code inner}'s value is given back).
     */
    final void follow(LoopFuture<? extends T> inner) {
        awaiting = inner;
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
        LoopFuture<?> source = carriedFrom;
        return source == null || source.giveBack();
    }

    /** Completes this with {@code value} derived from {@code source}, carrying its hand-over if it succeeded. */
    final void completeCarrying(T value, LoopFuture<?> source) {
        if (state == State.PENDING && source.state == State.SUCCEEDED) {
            carriedFrom = source;  // an already done future keeps what it carried then
        }
        complete(value);
    }

    /** Makes {@code cancel()} propagate to {@code targets} (timers, child futures). */
    final void awaitAll(List<? extends Cancellable> targets) {
        awaiting = targets;
    }

    final void awaitOne(Cancellable target) {
        awaiting = target;
    }

    private void copyOrGiveBack(LoopFuture<? extends T> source) {
        if (state != State.PENDING) {
            source.giveBack();
        } else {
            copy(source);
        }
    }

    /** Completes this with {@code source}'s outcome; {@code source} must be done. */
    @SuppressWarnings("unchecked")
    final void copy(LoopFuture<? extends T> source) {
        switch (source.state) {
            case SUCCEEDED -> completeCarrying((T) source.value, source);
            case FAILED, CANCELLED -> fail(source.failure);
            case PENDING -> throw new IllegalStateException("copy from a pending future");
        }
    }

    /**
     * Settles a pending future and queues its done-callbacks. The hot path of every hand-off, so the
     * common case (one callback in {@link #first}, nothing awaited) writes no field it need not: the
     * other callbacks and {@link #awaiting} are touched only when there are some.
     */
    private boolean settle(State outcome, T result, Throwable error) {
        loop.checkInLoop("LoopFuture completion");
        if (state != State.PENDING) {
            return false;
        }
        value = result;
        failure = error;
        STATE.setRelease(this, outcome);
        if (first != null) {
            loop.callSoonFirst(this); // first stays until it runs
        }
        if (callbacks != null) {
            queueCallbacks();
        }
        if (awaiting != null) {
            awaiting = null;
        }
        return true;
    }

    /** Queues the done-callbacks registered after {@link #first}, in order, and lets go of them. */
    private void queueCallbacks() {
        Object toRun = callbacks;
        callbacks = null;
        if (toRun instanceof Runnable one) {
            loop.callSoon(one);
        } else {
            @SuppressWarnings("unchecked")
            List<Runnable> all = (List<Runnable>) toRun;
            all.forEach(loop::callSoon);
        }
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
