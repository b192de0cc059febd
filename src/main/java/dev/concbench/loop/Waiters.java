package dev.concbench.loop;

import java.util.ArrayList;

/**
 * The done-callbacks of a pending {@link LoopFuture} once it has two or more, in the order
 * registered (a single one waits in the future's own field, with no list). A class of its own, so
 * that no callback can be mistaken for the list. Loop thread only.
 */
final class Waiters extends ArrayList<Runnable> {

    Waiters(Runnable first, Runnable second) {
        super(4);
        add(first);
        add(second);
    }
}
