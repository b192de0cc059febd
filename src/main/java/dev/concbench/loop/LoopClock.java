package dev.concbench.loop;

/**
 * The loop's source of time: a monotonic nanosecond counter, injected so tests can drive timers
 * by hand ({@link ManualClock}) instead of waiting for them.
 *
 * <p>Implementations must be safe to call from any thread.
 */
@FunctionalInterface
public interface LoopClock {

    /** A monotonic reading in nanoseconds; only differences between readings mean anything. */
    long nanoTime();

    /** The JVM's monotonic clock, {@link System#nanoTime()}. */
    static LoopClock system() {
        return System::nanoTime;
    }
}
