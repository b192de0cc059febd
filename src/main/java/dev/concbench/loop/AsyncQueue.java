package dev.concbench.loop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * asyncio's {@code Queue}: a bounded FIFO between tasks of one loop. {@link #put} waits while the
 * queue is full, {@link #get} while it is empty; {@link #taskDone()} and {@link #join()} track
 * unfinished items so a producer can wait until consumers have processed everything. Waiters are
 * served first-come first-served; a cancelled waiter leaves the line at once and loses nothing.
 * A coroutine cancelled after its item (or its room) was handed to it and before it ran on loses
 * nothing either, as in asyncio ({@link Handover}): the item goes back to the head of the queue for
 * the next getter (the queue may then hold one more than its capacity until it is taken), and a put
 * is withdrawn if its item is still in the queue; if a getter already took it, the put took effect
 * and is not reported as cancelled (the coroutine's request waits for its next await). Loop thread
 * only.
 *
 * @param <T> the element type
 */
public final class AsyncQueue<T> {

    private final EventLoop loop;
    private final int capacity;
    /** One entry per item put, so a withdrawn put removes its own entry, never an equal item's. */
    private final ArrayDeque<Entry<T>> items = new ArrayDeque<>();
    private final ArrayDeque<LoopFuture<T>> getters = new ArrayDeque<>();
    private final ArrayDeque<Putter<T>> putters = new ArrayDeque<>();
    private final List<LoopFuture<Void>> joiners = new ArrayList<>();
    /** An item handed to a getter that was cancelled before it ran on goes back to the head. */
    private final Handover.Undo<T> putBack = item -> {
        items.addFirst(new Entry<>(item));
        handToGetters();
        return true;
    };
    private int unfinished;

    /**
     * @param capacity the most items it holds, at least 1 (asyncio's {@code maxsize}; use
     *                 {@link Integer#MAX_VALUE} for unbounded)
     */
    public AsyncQueue(EventLoop loop, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.loop = loop;
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Items waiting in the queue now. */
    public int size() {
        loop.checkInLoop("AsyncQueue.size");
        return items.size();
    }

    /** Items put and not yet marked done by {@link #taskDone()}. */
    public int unfinished() {
        loop.checkInLoop("AsyncQueue.unfinished");
        return unfinished;
    }

    /** Getters and putters waiting now (for tests: cancelled waiters must not pile up). */
    int waiting() {
        return getters.size() + putters.size();
    }

    /** Adds {@code item}, waiting while the queue is full. */
    public LoopFuture<Void> put(T item) {
        loop.checkInLoop("AsyncQueue.put");
        Entry<T> entry = new Entry<>(item);
        Handover.Undo<Void> withdraw = unused -> withdraw(entry);
        if (enqueue(entry)) {
            return Handover.done(loop, null, withdraw);
        }
        LoopFuture<Void> admitted = new Handover<>(loop, withdraw);
        Putter<T> putter = new Putter<>(entry, admitted);
        putters.add(putter);
        admitted.awaitOne(() -> putters.remove(putter));  // a cancelled putter leaves the line at once
        return admitted;
    }

    /** asyncio's {@code put_nowait}: adds {@code item} if there is room; false when full. */
    public boolean offer(T item) {
        loop.checkInLoop("AsyncQueue.offer");
        return enqueue(new Entry<>(item));
    }

    private boolean enqueue(Entry<T> entry) {
        if (items.size() >= capacity) {
            return false;
        }
        unfinished++;
        items.add(entry);
        handToGetters();
        return true;
    }

    /** Removes and returns the oldest item, waiting while the queue is empty. */
    public LoopFuture<T> get() {
        loop.checkInLoop("AsyncQueue.get");
        LoopFuture<T> taken = new Handover<>(loop, putBack);
        getters.add(taken);
        taken.awaitOne(() -> getters.remove(taken));  // a cancelled getter leaves the line at once
        handToGetters();
        return taken;
    }

    /**
     * Marks one item taken by {@link #get} as processed (asyncio's {@code task_done}).
     *
     * @throws IllegalStateException when called more often than items were put
     */
    public void taskDone() {
        loop.checkInLoop("AsyncQueue.taskDone");
        if (unfinished == 0) {
            throw new IllegalStateException("taskDone() called more times than there were items");
        }
        finishOne();
    }

    private void finishOne() {
        if (--unfinished == 0) {
            List<LoopFuture<Void>> waiting = new ArrayList<>(joiners);
            joiners.clear();
            waiting.forEach(j -> j.complete(null));
        }
    }

    /**
     * Takes back a put whose putter was cancelled before it ran on: true when its own {@code entry}
     * was still in the queue and is removed (an equal or identical item put by someone else stays);
     * false when a getter already took it.
     */
    private boolean withdraw(Entry<T> entry) {
        for (var it = items.descendingIterator(); it.hasNext(); ) {
            if (it.next() == entry) {
                it.remove();
                finishOne();
                admitPutters();
                return true;
            }
        }
        return false;
    }

    /** Completes once every item put so far has been marked done (asyncio's {@code join}). */
    public LoopFuture<Void> join() {
        loop.checkInLoop("AsyncQueue.join");
        if (unfinished == 0) {
            return loop.completed(null);
        }
        LoopFuture<Void> joined = loop.newFuture();
        joiners.add(joined);
        return joined;
    }

    /** Moves items to waiting getters, then admits waiting putters into the freed room. */
    private void handToGetters() {
        while (!items.isEmpty() && !getters.isEmpty()) {
            LoopFuture<T> getter = getters.poll();
            if (getter.complete(items.peek().item)) {
                items.poll();
                admitPutters();
            }
        }
    }

    private void admitPutters() {
        while (items.size() < capacity && !putters.isEmpty()) {
            Putter<T> putter = putters.poll();
            if (!putter.admitted.isDone()) {
                unfinished++;
                items.add(putter.entry);
                putter.admitted.complete(null);
            }
        }
    }

    private record Putter<T>(Entry<T> entry, LoopFuture<Void> admitted) {
    }

    /** An item's place in the queue; compared by identity (a record would compare items). */
    private static final class Entry<T> {
        final T item;

        Entry(T item) {
            this.item = item;
        }
    }
}
