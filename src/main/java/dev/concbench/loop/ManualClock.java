package dev.concbench.loop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for deterministic tests of timers, timeouts and
 * slow-callback detection. Thread-safe.
 *
 * <p>Moving the clock does not wake a sleeping loop by itself; call {@link EventLoop#execute} (any
 * callback) after {@link #advance} so the loop re-reads the time and fires due timers.
 */
public final class ManualClock implements LoopClock {

    private final AtomicLong now;

    /** @param startNanos the first reading, in nanoseconds */
    public ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
    }

    public ManualClock() {
        this(0);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Moves time forward by {@code by} (must not be negative) and returns the new reading. */
    public long advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, got " + by);
        }
        return now.addAndGet(by.toNanos());
    }
}
