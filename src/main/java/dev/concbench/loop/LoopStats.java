package dev.concbench.loop;

/**
 * Counters of what an {@link EventLoop} has run since it started: the benchmarks' "loop blocked"
 * guard compares {@code maxCallbackNanos} and {@code slowCallbacks} with the threshold.
 *
 * @param callbacksRun      ready callbacks and I/O handlers run
 * @param callbackFailures  callbacks that threw a {@code RuntimeException} (the loop went on)
 * @param slowCallbacks     in debug mode, callbacks that ran longer than the slow-callback threshold;
 *                          otherwise stretches between two I/O polls that did (the loop times
 *                          stretches, not callbacks, unless in debug mode: I/O waited that long)
 * @param maxCallbackNanos  the longest single callback in debug mode, otherwise the longest stretch
 *                          between two I/O polls (an upper bound on the longest callback), in nanoseconds
 * @param taskFailures      fire-and-forget tasks that failed
 */
public record LoopStats(long callbacksRun, long callbackFailures, long slowCallbacks, long maxCallbackNanos,
        long taskFailures) {

    /**
     * The counts since {@code earlier} (a snapshot of the same loop); {@code maxCallbackNanos} stays
     * the maximum since start because a maximum cannot be subtracted.
     */
    public LoopStats since(LoopStats earlier) {
        return new LoopStats(callbacksRun - earlier.callbacksRun, callbackFailures - earlier.callbackFailures,
                slowCallbacks - earlier.slowCallbacks, maxCallbackNanos, taskFailures - earlier.taskFailures);
    }
}
