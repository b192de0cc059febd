package dev.concbench.bench;

import dev.concbench.loop.LoopStats;

/**
 * Turns a loop's slow-callback count into {@code loopBlocked} guard evidence, one iteration at a
 * time, for scenarios that claim the loop stays responsive.
 *
 * <p>Why blocked in one iteration is not enough: a callback is timed by the wall clock, so on an
 * overloaded machine the OS can keep the loop's thread off the CPU past the 100 ms slow-callback
 * threshold in the middle of a callback that does nothing blocking (a real quick run guarded
 * {@code eventloop+offload} for one such callback, and 20 shots of the same benchmark under debug
 * mode showed no slow callback at all). Something of ours that blocks the loop does it in every
 * iteration it runs in. So the guard speaks once slow callbacks showed up in at least
 * {@value #ITERATIONS_TO_GUARD} iterations, and then reports all of them, the first included.
 *
 * <p>Used from the benchmark thread only, once per iteration.
 */
final class LoopBlockedEvidence {

    /** In how many iterations slow callbacks must show before the rows are guarded. */
    static final int ITERATIONS_TO_GUARD = 2;

    private LoopStats last = new LoopStats(0, 0, 0, 0, 0);
    private int blockedIterations;
    private long unreported;

    /**
     * The guard count for the iteration that ends now: the slow callbacks since the last call, held
     * back (0) until they showed in {@value #ITERATIONS_TO_GUARD} iterations.
     *
     * @param now the loop's statistics at the end of this iteration
     */
    long endIteration(LoopStats now) {
        long slow = now.since(last).slowCallbacks();
        last = now;
        if (slow > 0) {
            blockedIterations++;
            unreported += slow;
        }
        if (blockedIterations < ITERATIONS_TO_GUARD) {
            return 0;
        }
        long report = unreported;
        unreported = 0;
        return report;
    }
}
