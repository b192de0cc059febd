package dev.concbench.loop;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * asyncio's {@code Semaphore}: at most {@code permits} holders at a time; the rest wait in FIFO
 * order. {@link #withPermit} is {@code async with semaphore:}. Loop thread only.
 */
public final class AsyncSemaphore {

    private final EventLoop loop;
    private final ArrayDeque<LoopFuture<Void>> waiters = new ArrayDeque<>();
    /** A permit handed to an acquirer that was cancelled before it ran on goes to the next one ({@link Handover}). */
    private final Handover.Undo<Void> returnPermit = unused -> {
        release();
        return true;
    };
    private int available;

    /** @param permits how many may hold it at once, at least 1 */
    public AsyncSemaphore(EventLoop loop, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.loop = loop;
        this.available = permits;
    }

    /** Permits free now. */
    public int available() {
        loop.checkInLoop("AsyncSemaphore.available");
        return available;
    }

    /** Acquirers waiting now (for tests: cancelled waiters must not pile up). */
    int waiting() {
        return waiters.size();
    }

    /**
     * Takes a permit, waiting for one if none is free. Cancelling the wait takes nothing; a
     * coroutine cancelled after the permit was handed to it and before it ran on (or a {@code then}
     * on this future cancelled meanwhile) gives the permit back, as asyncio's {@code acquire} does.
     */
    public LoopFuture<Void> acquire() {
        loop.checkInLoop("AsyncSemaphore.acquire");
        if (available > 0 && waiters.isEmpty()) {
            available--;
            return Handover.done(loop, null, returnPermit);
        }
        LoopFuture<Void> granted = new Handover<>(loop, returnPermit);
        waiters.add(granted);
        granted.awaitOne(() -> waiters.remove(granted));  // a cancelled waiter leaves the line at once
        return granted;
    }

    /** Takes a permit if one is free now; false otherwise. */
    public boolean tryAcquire() {
        loop.checkInLoop("AsyncSemaphore.tryAcquire");
        if (available > 0 && waiters.isEmpty()) {
            available--;
            return true;
        }
        return false;
    }

    /** Returns a permit, handing it straight to the longest waiter if there is one. */
    public void release() {
        loop.checkInLoop("AsyncSemaphore.release");
        while (!waiters.isEmpty()) {
            if (waiters.poll().complete(null)) {
                return;
            }
        }
        available++;
    }

    /**
     * {@code async with semaphore:} — runs {@code body} holding a permit and releases it when the
     * body's future is done, whether it succeeded, failed or was cancelled.
     */
    public <T> LoopFuture<T> withPermit(Supplier<? extends LoopFuture<T>> body) {
        LoopFuture<Void> permit = acquire();
        LoopFuture<T> out = loop.newFuture();
        out.awaitOne(permit);
        permit.onDone(p -> {
            if (p.isCancelled()) {
                out.cancel();
                return;
            }
            if (out.isDone()) {
                release();  // granted after the caller gave up: hand it on
                return;
            }
            LoopFuture<T> running;
            try {
                running = body.get();
            } catch (RuntimeException e) {
                running = loop.failed(e);
            }
            out.follow(running.andFinally(() -> {
                release();
                return loop.completed(null);
            }));
        });
        return out;
    }
}
