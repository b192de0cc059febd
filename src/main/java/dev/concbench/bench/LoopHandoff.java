package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;

/**
 * {@link Handoff} on the event loop: two tasks each wait for a future that says "your turn"; a
 * side that has the token completes the other's future, which puts the other's continuation on
 * the ready queue, and waits for its own. One pass is one cooperative switch, no thread involved.
 *
 * <p>Loop thread only.
 */
final class LoopHandoff {

    private final EventLoop loop;
    @SuppressWarnings("unchecked")
    private final LoopFuture<Void>[] turn = new LoopFuture[2];
    private final int[] left = new int[2];
    private final LoopFuture<Void> done;

    private LoopHandoff(EventLoop loop, int passesPerSide) {
        this.loop = loop;
        this.done = loop.newFuture();
        left[0] = passesPerSide;
        left[1] = passesPerSide;
        turn[0] = loop.completed(null); // side 0 holds the token first
        turn[1] = loop.newFuture();
    }

    /** Starts both sides; the future completes after {@code 2 * passesPerSide} passes. */
    static LoopFuture<Void> play(EventLoop loop, int passesPerSide) {
        LoopHandoff h = new LoopHandoff(loop, passesPerSide);
        h.awaitTurn(0);
        h.awaitTurn(1);
        return h.done;
    }

    private void awaitTurn(int me) {
        turn[me].onDone(f -> {
            turn[me] = loop.newFuture();
            left[me]--;
            turn[1 - me].complete(null);
            if (left[me] > 0) {
                awaitTurn(me);
            } else if (left[1 - me] == 0) {
                done.complete(null);
            }
        });
    }
}
