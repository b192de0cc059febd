package dev.concbench.loop;

/** Something pending that can be called off: a future, a task, a timer. */
public interface Cancellable {

    /**
     * Calls it off if it is still pending.
     *
     * @return true when this call cancelled it, false when it was already done or cancelled
     */
    boolean cancel();
}
