package dev.concbench.loop;

import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The loop's timers in deadline order (a binary heap; equal deadlines keep scheduling order).
 * Loop thread only. Cancelled timers stay in the heap until they reach its head, so cancelling is
 * O(1) from any thread (handles may be created on any thread, see {@link #newHandle}); they are purged when they outnumber the live ones.
 */
final class TimerQueue {

    /** How often (in additions) to check whether cancelled timers dominate the heap. */
    private static final int PURGE_CHECK_INTERVAL = 64;

    private final PriorityQueue<TimerHandle> heap = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    /** A handle for {@code action} at {@code deadlineNanos}, not yet in the heap. Any thread. */
    TimerHandle newHandle(long deadlineNanos, Runnable action) {
        return new TimerHandle(deadlineNanos, sequence.getAndIncrement(), action);
    }

    /** Puts {@code handle} into the heap (unless already cancelled). Loop thread. */
    void insert(TimerHandle handle) {
        if (handle.isCancelled()) {
            return;
        }
        heap.add(handle);
        if (heap.size() % PURGE_CHECK_INTERVAL == 0) {
            purgeCancelledIfMostlyDead();
        }
    }

    /**
     * Nanoseconds from {@code now} to the earliest live deadline: 0 when one is due, -1 when no
     * timer is pending.
     */
    long nanosToNextDeadline(long now) {
        dropCancelledHead();
        TimerHandle head = heap.peek();
        return head == null ? -1 : Math.max(0, head.deadlineNanos() - now);
    }

    /** Hands every timer due at {@code now} to {@code ready}, earliest first. */
    void moveDue(long now, Consumer<Runnable> ready) {
        while (true) {
            dropCancelledHead();
            TimerHandle head = heap.peek();
            if (head == null || head.deadlineNanos() - now > 0) {
                return;
            }
            heap.poll();
            ready.accept(head.fire());
        }
    }

    int size() {
        return heap.size();
    }

    void clear() {
        heap.forEach(TimerHandle::cancel);
        heap.clear();
    }

    private void dropCancelledHead() {
        while (!heap.isEmpty() && heap.peek().isCancelled()) {
            heap.poll();
        }
    }

    private void purgeCancelledIfMostlyDead() {
        long dead = heap.stream().filter(TimerHandle::isCancelled).count();
        if (dead * 2 > heap.size()) {
            heap.removeIf(TimerHandle::isCancelled);
        }
    }
}
