package dev.concbench.loop;

/**
 * The regression-gate probe ({@link LoopOptions#injectedSpinNanos()}): burns real CPU time before
 * a callback. It reads the system clock rather than the loop's injected clock on purpose: the
 * point is to cost wall-clock time, which a manual test clock would never let pass.
 */
final class InjectedSpin {

    private static final LoopClock WALL = LoopClock.system();

    private InjectedSpin() {
    }

    static void busyWait(long nanos) {
        long end = WALL.nanoTime() + nanos;
        while (WALL.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }
}
