package dev.concbench.workload;

import java.util.function.BooleanSupplier;

/** Which kind of thread a step ran on: what a model must prove it used. */
public enum ThreadKind {
    /** A virtual thread. */
    VIRTUAL,
    /** A platform thread that is not an event loop's thread. */
    PLATFORM,
    /** The event loop's own thread. */
    LOOP;

    /**
     * The kind of the calling thread.
     *
     * @param isLoopThread answers whether the calling thread is the event loop's thread (only the
     *     loop can tell; pass {@code () -> false} where no loop exists)
     */
    public static ThreadKind current(BooleanSupplier isLoopThread) {
        if (Thread.currentThread().isVirtual()) {
            return VIRTUAL;
        }
        return isLoopThread.getAsBoolean() ? LOOP : PLATFORM;
    }
}
