package dev.concbench.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A token passed back and forth between two parties, each parking until it is its turn: every pass
 * is one switch from one task to the other. Used on threads (platform or virtual); the event loop
 * has its own version built on futures.
 *
 * <p>Exactly two threads may call {@link #play}, one per side.
 */
final class Handoff {

    private volatile int turn;
    // Both the turn and the players are volatile: a side registers, then reads the turn; the other
    // writes the turn, then reads the players. Sequential consistency means at least one of them
    // sees the other's write, so no pass is lost to a side that parked before it was registered.
    private final AtomicReferenceArray<Thread> players = new AtomicReferenceArray<>(2);

    /**
     * Plays side {@code me} (0 or 1) for {@code passes} passes: wait for the token, pass it on.
     * Side 0 holds the token first.
     */
    void play(int me, int passes) {
        players.set(me, Thread.currentThread());
        for (int i = 0; i < passes; i++) {
            while (turn != me) {
                LockSupport.park(this);
            }
            turn = 1 - me;
            Thread other = players.get(1 - me);
            if (other != null) {
                LockSupport.unpark(other);
            }
        }
    }
}
