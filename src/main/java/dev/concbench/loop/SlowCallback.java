package dev.concbench.loop;

/**
 * One callback that held the loop longer than the slow-callback threshold.
 *
 * @param callback       what ran ({@code toString()} of the callback)
 * @param durationNanos  how long it ran, in nanoseconds
 * @param scheduledAt    the first stack frame outside this package where it was scheduled, or
 *                       {@code "unknown (debug mode off)"} when the loop does not record origins
 */
public record SlowCallback(String callback, long durationNanos, String scheduledAt) {

    /** One line for a log: duration in milliseconds, what, and where it was scheduled. */
    public String describe() {
        return String.format("callback %s took %.3f ms (scheduled at %s)", callback, durationNanos / 1e6, scheduledAt);
    }
}
