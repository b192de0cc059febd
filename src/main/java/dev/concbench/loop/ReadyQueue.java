package dev.concbench.loop;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The loop's ready queue: the callbacks to run, in FIFO order. An entry is either a
 * {@link Runnable} or a done-callback with the future it is for ({@code callback.accept(future)}),
 * kept as a pair of slots in one growable ring, so completing a future queues its callback without
 * allocating a wrapper for it (asyncio's {@code call_soon(callback, future)} takes its argument the
 * same way). The profile of the context-switch hand-off had a wrapper per completion and
 * {@code ArrayDeque}'s bookkeeping among its top frames ({@code docs/loop-performance.md}).
 *
 * <p>Loop thread only: no method is safe to call from another thread.
 */
final class ReadyQueue {

    /** Entries the ring holds before it first grows; a power of two. */
    private static final int INITIAL_ENTRIES = 64;

    /** Pairs of slots: the callback, then its argument (null for a {@link Runnable}). Length a power of two. */
    private Object[] ring = new Object[2 * INITIAL_ENTRIES];
    /** The slot of the oldest entry's callback. */
    private int head;
    /** The slot the next entry's callback goes to. */
    private int tail;
    /** The argument of the entry {@link #poll()} returned last, until {@link #polledArgument()} takes it. */
    private Object polledArgument;

    /** Queues {@code callback} to run after every entry already queued. */
    void add(Runnable callback) {
        push(Objects.requireNonNull(callback), null);
    }

    /** Queues {@code callback.accept(argument)} to run after every entry already queued; {@code argument} is never null. */
    <T> void add(Consumer<? super T> callback, T argument) {
        push(Objects.requireNonNull(callback), Objects.requireNonNull(argument));
    }

    boolean isEmpty() {
        return head == tail;
    }

    /**
     * Removes the oldest entry and returns its callback, or null when the queue is empty. The
     * callback is a {@link Runnable} when {@link #polledArgument()} is then null, else a
     * {@link Consumer} of that argument; {@link #run} runs either.
     */
    Object poll() {
        if (head == tail) {
            return null;
        }
        Object[] r = ring;
        Object callback = r[head];
        polledArgument = r[head + 1];
        r[head] = null;
        r[head + 1] = null;
        head = (head + 2) & (r.length - 1);
        return callback;
    }

    /**
     * The argument of the entry {@link #poll()} returned last: null for a {@link Runnable}. Once per
     * poll: the queue lets go of it, so an idle loop keeps no finished future reachable.
     */
    Object polledArgument() {
        Object argument = polledArgument;
        polledArgument = null;
        return argument;
    }

    /** Runs an entry {@link #poll()} returned: {@code callback.run()}, or {@code callback.accept(argument)}. */
    @SuppressWarnings("unchecked")
    static void run(Object callback, Object argument) {
        if (argument == null) {
            ((Runnable) callback).run();
        } else {
            ((Consumer<Object>) callback).accept(argument);
        }
    }

    /** The entry as one {@link Runnable} (debug mode's timing and tracing take one). */
    static Runnable asRunnable(Object callback, Object argument) {
        return argument == null ? (Runnable) callback : () -> run(callback, argument);
    }

    private void push(Object callback, Object argument) {
        Object[] r = ring;
        r[tail] = callback;
        r[tail + 1] = argument;
        tail = (tail + 2) & (r.length - 1);
        if (tail == head) {
            grow();
        }
    }

    /** Doubles the ring once it is full, the oldest entry first in the new one. */
    private void grow() {
        Object[] old = ring;
        Object[] bigger = new Object[old.length * 2];
        int fromHead = old.length - head;
        System.arraycopy(old, head, bigger, 0, fromHead);
        System.arraycopy(old, 0, bigger, fromHead, head);
        head = 0;
        tail = old.length;
        ring = bigger;
    }
}
