package dev.concbench.loop;

import java.util.Objects;

/**
 * The loop's ready queue: the callbacks to run, in FIFO order, in one growable ring. An entry is a
 * {@link Runnable}, or a {@link LoopFuture} whose first done-callback is due: the future holds
 * that callback until it runs ({@link LoopFuture#runFirstCallback()}), so completing a future
 * queues it with no wrapper and stores one reference here, not a (callback, future) pair.
 *
 * <p>Why one reference: {@link #push} and {@link #poll} were the top two frames of the
 * context-switch hand-off's profile; a (callback, argument) pair per entry wrote two slots, cleared
 * two, and handed the argument over through a field of its own ({@code docs/loop-performance.md},
 * "Hand-off").
 *
 * <p>It also knows its loop, the loop's thread and its debug flag: the one per-loop object a future
 * holds, so the loop-thread check and the push of a completion both start from one load
 * ({@code docs/loop-performance.md}, "fifth pass").
 *
 * <p>Loop thread only, except {@link #checkInLoop} and the final fields, which any thread may use.
 */
final class ReadyQueue {

    /** Entries the ring holds before it first grows; a power of two. */
    private static final int INITIAL_ENTRIES = 64;

    /** The loop whose queue this is. */
    final EventLoop loop;
    /** The loop's thread, the only one that may touch this queue or the loop's futures. */
    final Thread thread;
    /** {@link LoopOptions#debug()}. */
    final boolean debug;

    /** The entries, oldest at {@link #head}. Length a power of two. */
    private Object[] ring = new Object[INITIAL_ENTRIES];
    /** The slot of the oldest entry. */
    private int head;
    /** The slot the next entry goes to. */
    private int tail;

    ReadyQueue(EventLoop loop, Thread thread, boolean debug) {
        this.loop = loop;
        this.thread = thread;
        this.debug = debug;
    }

    /** Throws unless on the loop thread, naming {@code what} and both threads ({@link EventLoop#checkInLoop}). Any thread. */
    void checkInLoop(String what) {
        if (Thread.currentThread() != thread) {
            loop.checkInLoop(what);
        }
    }

    /** Queues {@code callback} to run after every entry already queued. */
    void add(Runnable callback) {
        push(Objects.requireNonNull(callback));
    }

    /** Queues {@code future}'s first done-callback ({@link LoopFuture#runFirstCallback()}) after every entry already queued. */
    void add(LoopFuture<?> future) {
        push(Objects.requireNonNull(future));
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Removes and returns the oldest entry ({@link #run} runs it), or null when the queue is empty. */
    Object poll() {
        if (head == tail) {
            return null;
        }
        Object[] r = ring;
        Object entry = r[head];
        r[head] = null;
        head = (head + 1) & (r.length - 1);
        return entry;
    }

    /** Runs an entry {@link #poll()} returned: a future's first done-callback, or the {@link Runnable}. */
    static void run(Object entry) {
        // the exact class first: one load and a compare, where instanceof of a class with subclasses
        // reads the class's supertypes too, one more load on the hand-off's path
        if (entry.getClass() == LoopFuture.class) {
            ((LoopFuture<?>) entry).runFirstCallback();
        } else if (entry instanceof LoopFuture<?> future) {
            future.runFirstCallback();
        } else {
            ((Runnable) entry).run();
        }
    }

    /** The entry as one {@link Runnable} (debug mode's timing and tracing take one). */
    static Runnable asRunnable(Object entry) {
        return entry instanceof LoopFuture<?> future ? future::runFirstCallback : (Runnable) entry;
    }

    private void push(Object entry) {
        Object[] r = ring;
        r[tail] = entry;
        tail = (tail + 1) & (r.length - 1);
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
