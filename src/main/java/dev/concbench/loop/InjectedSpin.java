package dev.concbench.loop;

/**
 * The regression-gate probe ({@link LoopOptions#injectedSpinNanos()}): a counted busy loop that
 * adds about N ns of CPU work before each ready callback, and nothing else. The per-callback cost
 * must be the spin alone: the loop's hand-off is ~20-45 ns, so a probe that read the clock to know
 * when to stop (two reads or more per callback) added more than a whole hand-off whatever N was.
 * Instead the loop's speed is measured once per JVM ({@link #iterationsPerNano()}, on first use)
 * and each callback runs a precomputed iteration count with no clock read.
 *
 * <p>The loop body is JMH's {@code Blackhole.consumeCPU}: a multiply-add chain whose every
 * iteration depends on the one before (no vectorising, no closed form), seeded from and published
 * to a volatile field only when the result is a value it never takes in practice, so the JIT
 * cannot remove it and no memory fence is paid per call. A chain of a few nanoseconds that nothing
 * depends on would run in the shadow of the callback (out-of-order execution), so
 * {@link #before} hands the callback back through an array slot indexed by the chain's result
 * (always 0, which the JIT cannot know): the callback's first use waits for the whole chain.
 *
 * <p>A spin of a few nanoseconds is a handful of iterations: rounding to whole iterations, the
 * out-of-order overlap with the loop's own work around it and the call itself then decide what it
 * costs, not N (a 7 ns probe added 1-11% to a 23 ns hand-off on CI's machine, 39% here on a slower
 * one). So a short spin is paid in lumps: every {@code period}-th callback spins {@code period x N}
 * ns, at least {@value #MIN_LUMP_NANOS} ns, and the others pay a counter decrement. A benchmark
 * iteration runs thousands of callbacks, so its mean cost per callback grows by N, whichever machine
 * it runs on; a single callback's latency does not (the probe is for the gate's per-hand-off means).
 *
 * <p>One instance per loop, used by the loop thread only; the calibration is once per JVM.
 */
final class InjectedSpin {

    /** Read once per spin, written only when the chain hits 42 (never in practice): keeps the loop alive. */
    private static volatile long sink = System.nanoTime();

    /** Iterations per calibration round: ~10-30 ms, long enough that the clock's cost does not count. */
    private static final long CALIBRATION_ITERATIONS = 10_000_000;
    private static final int CALIBRATION_ROUNDS = 7;

    /** Always 0; not final, so the JIT cannot fold {@code chain & ZERO} away (see {@link #before}). */
    private static long zero = 0;

    /** The shortest spin run at once: long enough that what surrounds it no longer decides its cost. */
    static final long MIN_LUMP_NANOS = 200;

    private final long iterations;
    private final int period;
    private int countdown;
    private final Object[] slot = new Object[1];

    private InjectedSpin(long iterations, int period) {
        this.iterations = iterations;
        this.period = period;
        this.countdown = period;
    }

    /**
     * The probe for a loop, or null when {@code nanos} is 0 (the loop then pays one null check).
     *
     * @param nanos the time to add per callback, in nanoseconds, >= 0
     */
    static InjectedSpin forNanos(long nanos) {
        if (nanos <= 0) {
            return null;
        }
        int period = periodFor(nanos);
        return new InjectedSpin(iterationsFor(nanos * period), period);
    }

    /** Every how many callbacks a spin of {@code nanos} per callback runs: 1 from {@value #MIN_LUMP_NANOS} ns on. */
    static int periodFor(long nanos) {
        return (int) Math.max(1, (MIN_LUMP_NANOS + nanos - 1) / Math.max(1, nanos));
    }

    /** Callbacks per spin (see the class comment). */
    int period() {
        return period;
    }

    /**
     * Runs the spin when this callback's turn has come (every {@link #period()}-th) and returns
     * {@code callback}, reachable only once the spin is done. Loop thread only.
     */
    Object before(Object callback) {
        if (--countdown > 0) {
            return callback;
        }
        countdown = period;
        slot[0] = callback;
        Object same = slot[(int) (spin(iterations) & zero)];
        slot[0] = null;
        return same;
    }

    /** Holder: the calibration runs when a loop first needs a spin, never in a JVM that does not. */
    private static final class Calibration {
        static final double ITERATIONS_PER_NANO = calibrate();
    }

    /**
     * The iteration count that takes about {@code nanos} on this machine.
     *
     * @param nanos the time to add per callback, in nanoseconds, >= 0
     * @return 0 when {@code nanos} is 0 (nothing runs and nothing is calibrated), else at least 1
     */
    static long iterationsFor(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(nanos * iterationsPerNano()));
    }

    /** How many loop iterations this JVM runs per nanosecond: measured once, on the first call. */
    static double iterationsPerNano() {
        return Calibration.ITERATIONS_PER_NANO;
    }

    /** Runs the counted loop {@code iterations} times (0 runs nothing), no clock read; returns the chain's end. */
    static long spin(long iterations) {
        long t = sink;
        for (long i = iterations; i > 0; i--) {
            t += (t * 0x5DEECE66DL + 0xBL + i) & 0xFFFFFFFFFFFFL;
        }
        if (t == 42) {
            sink += t;
        }
        return t;
    }

    /**
     * Warms the loop up until the JIT has compiled it, then times {@value #CALIBRATION_ROUNDS} long
     * runs and keeps the fastest: a run a neighbour's load or an interrupt slowed says nothing
     * about the loop's own speed, and a slowed calibration would under-inject.
     */
    private static double calibrate() {
        for (int i = 0; i < 20_000; i++) {
            spin(1_000);
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
            long start = System.nanoTime();
            spin(CALIBRATION_ITERATIONS);
            best = Math.min(best, System.nanoTime() - start);
        }
        return (double) CALIBRATION_ITERATIONS / Math.max(1, best);
    }
}
