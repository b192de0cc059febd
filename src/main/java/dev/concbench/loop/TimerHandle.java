package dev.concbench.loop;

/**
 * A callback scheduled for a deadline ({@link EventLoop#callLater}, {@link EventLoop#callAt}).
 * {@link #cancel()} may be called from any thread; a cancelled timer never runs and is dropped
 * from the loop's timer queue lazily.
 */
public final class TimerHandle implements Cancellable, Comparable<TimerHandle> {

    private final long deadlineNanos;
    private final long sequence;
    private final Runnable action;
    private volatile boolean cancelled;
    private volatile boolean fired;

    TimerHandle(long deadlineNanos, long sequence, Runnable action) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.action = action;
    }

    /** The deadline on the loop's clock, in nanoseconds. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** True once cancelled (before it fired). */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean cancel() {
        if (cancelled || fired) {
            return false;
        }
        cancelled = true;
        return true;
    }

    /** Marks the timer as fired and returns what it should run. Loop thread. */
    Runnable fire() {
        fired = true;
        return action;
    }

    /** Earlier deadline first; equal deadlines in the order they were scheduled. */
    @Override
    public int compareTo(TimerHandle other) {
        int byDeadline = Long.compare(deadlineNanos - other.deadlineNanos, 0);
        return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return "timer(" + action + " at " + deadlineNanos + " ns)";
    }
}
