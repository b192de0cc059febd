package dev.concbench.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link WorkerPool}'s {@link PoolState} and every state it has been in. The one place the state
 * changes: {@link #moveTo} is called under the pool's lock and never leaves a terminal state
 * (TERMINATED, FAILED). Reads are from any thread.
 */
final class PoolLifecycle {

    private volatile PoolState state = PoolState.NEW;
    private final List<PoolState> history = new CopyOnWriteArrayList<>(List.of(PoolState.NEW));

    PoolState state() {
        return state;
    }

    /** True in STARTING or RUNNING: the states in which workers are started and replaced. */
    boolean isUp() {
        return state == PoolState.STARTING || state == PoolState.RUNNING;
    }

    /** Under the pool's lock. @throws IllegalStateException when the pool is in a terminal state */
    void moveTo(PoolState next) {
        if (state == PoolState.TERMINATED || state == PoolState.FAILED) {
            throw new IllegalStateException("worker pool is " + state + ", a terminal state; it cannot become " + next);
        }
        state = next;
        history.add(next);
    }

    /** Every state so far, in order. */
    List<PoolState> history() {
        return List.copyOf(history);
    }
}
