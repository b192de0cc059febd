package dev.concbench.workload;

/** The kind of step a task performed, as recorded in a {@link Placement}. */
public enum Step {
    /** A non-blocking wait (timer). */
    WAIT,
    /** An HTTP request. */
    IO,
    /** The CPU burn. */
    CPU,
    /** A blocking sleep: the pitfall. */
    BLOCK
}
