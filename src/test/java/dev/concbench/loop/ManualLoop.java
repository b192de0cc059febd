package dev.concbench.loop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Test fixture: a running loop on a {@link ManualClock}, with helpers to act on the loop thread. */
final class ManualLoop implements AutoCloseable {

    final ManualClock clock = new ManualClock();
    final EventLoop loop;

    ManualLoop(LoopOptions options) {
        loop = EventLoop.start(options.withClock(clock).withInjectedSpinNanos(0));
    }

    ManualLoop() {
        this(LoopOptions.defaults());
    }

    /** Runs {@code action} on the loop thread, waits for it and returns its value (rethrowing its failure). */
    <T> T call(Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                done.complete(action.get());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done.get(5, TimeUnit.SECONDS);
    }

    void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Lets the loop run until nothing but our own probe runs in a turn: every callback that was
     * ready, and everything those scheduled, has run (timers not yet due stay pending).
     */
    void settle() throws Exception {
        // read the counter on the loop thread: it then counts exactly the callbacks run before the probe
        long before = call(() -> loop.stats().callbacksRun());
        while (true) {
            long after = call(() -> loop.stats().callbacksRun());
            if (after - before == 1) {
                return;
            }
            before = after;
        }
    }

    /** Lets pending callbacks run, moves the clock, then lets the loop fire the timers now due and run what they schedule. */
    void advance(Duration by) throws Exception {
        settle();  // timers that pending callbacks are about to create must start from the old time
        clock.advance(by);
        settle();
    }

    @Override
    public void close() {
        loop.close();
    }
}
