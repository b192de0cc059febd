package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import java.util.function.Consumer;

/**
 * {@link Handoff} on the event loop: two tasks each wait for a future that says "your turn"; a
 * side that has the token completes the other's future, which puts the other's continuation on
 * the ready queue, and waits for its own. One pass is one cooperative switch, no thread involved.
 *
 * <p>Each side's continuation is one {@link Side} made once, not a lambda per pass: a pass then
 * allocates only the new pending future it waits on, as a task awaiting a future does, and what
 * is measured is the switch, not the allocation of a closure. Both sides are of one class, so the
 * loop's call of a done-callback sees one type and the JIT inlines it, as for a task's resume
 * ({@code docs/loop-performance.md}, "Hand-off").
 *
 * <p>Loop thread only.
 */
final class LoopHandoff {

    private final EventLoop loop;
    @SuppressWarnings("unchecked")
    private final LoopFuture<Void>[] turn = new LoopFuture[2];
    private final int[] left = new int[2];
    private final LoopFuture<Void> done;
    /** Each side's continuation, bound once. */
    private final Side[] sides = {new Side(0), new Side(1)};

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
        turn[me].onDone(sides[me]);
    }

    /** Side {@code me}'s turn: pass the token to the other side, then wait for it to come back. */
    private void takeTurn(int me) {
        turn[me] = loop.newFuture();
        left[me]--;
        turn[1 - me].complete(null);
        if (left[me] > 0) {
            awaitTurn(me);
        } else if (left[1 - me] == 0) {
            done.complete(null);
        }
    }

    /** Side {@code me}'s continuation: runs when its turn has come. */
    private final class Side implements Consumer<LoopFuture<Void>> {
        private final int me;

        Side(int me) {
            this.me = me;
        }

        @Override
        public void accept(LoopFuture<Void> turnCame) {
            takeTurn(me);
        }
    }
}
