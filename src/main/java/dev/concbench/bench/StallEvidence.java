package dev.concbench.bench;

import dev.concbench.loop.LoopStats;

/**
 * Turns a model's stalls into guard evidence, one iteration at a time, for scenarios that claim the
 * model stays responsive: a loop's slow callbacks ({@code loopBlocked}), or a thread model's
 * heartbeat thread left unscheduled past the same slow-callback threshold ({@code threadStalled}).
 * The two guards are the same check for the two kinds of model, so a stall voids or contradicts a
 * row of either kind alike.
 *
 * <p>Why a stall in one iteration is not enough: a stall is timed by the wall clock, so on an
 * overloaded machine the OS can keep the loop's (or the heartbeat's) thread off the CPU past the
 * 100 ms threshold while it does nothing blocking (a real quick run guarded
 * {@code eventloop+offload} for one such callback, and 20 shots of the same benchmark under debug
 * mode showed no slow callback at all). Something of ours that stalls a model does it in every
 * iteration it runs in. So the guard speaks once stalls showed up in at least
 * {@value #ITERATIONS_TO_GUARD} iterations, and then reports all of them, the first included.
 *
 * <p>Used from the benchmark thread only, once per iteration.
 */
final class StallEvidence {

    /** In how many iterations stalls must show before the rows are guarded. */
    static final int ITERATIONS_TO_GUARD = 2;

    private LoopStats last = new LoopStats(0, 0, 0, 0, 0);
    private int stalledIterations;
    private long unreported;

    /**
     * The guard count for the iteration that ends now, from a loop's statistics: its slow callbacks
     * since the last call, held back (0) until they showed in {@value #ITERATIONS_TO_GUARD} iterations.
     *
     * @param now the loop's statistics at the end of this iteration
     */
    long endIteration(LoopStats now) {
        long slow = now.since(last).slowCallbacks();
        last = now;
        return endIteration(slow);
    }

    /**
     * The guard count for the iteration that ends now: {@code stalls} (this iteration's) and any held
     * back, reported once stalls showed in {@value #ITERATIONS_TO_GUARD} iterations, else 0.
     */
    long endIteration(long stalls) {
        if (stalls > 0) {
            stalledIterations++;
            unreported += stalls;
        }
        if (stalledIterations < ITERATIONS_TO_GUARD) {
            return 0;
        }
        long report = unreported;
        unreported = 0;
        return report;
    }
}
