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

    /** Lets the loop finish its current turn and one more (callbacks scheduled now have run). */
    void settle() throws Exception {
        run(() -> { });
        run(() -> { });
    }

    /** Moves the clock, then lets the loop fire the timers now due and run what they schedule. */
    void advance(Duration by) throws Exception {
        clock.advance(by);
        settle();
        settle();
    }

    @Override
    public void close() {
        loop.close();
    }
}
