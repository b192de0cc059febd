package dev.concbench.model;

/** The lifecycle of an {@link ExecutionModel}: RUNNING → STOPPING → TERMINATED, or FAILED. */
public enum ModelState {
    /** Accepting tasks. */
    RUNNING,
    /** {@code close()} was called: new tasks are rejected, running ones are interrupted and awaited. */
    STOPPING,
    /** Every thread and process the model started has ended. */
    TERMINATED,
    /** Shutting down did not complete (a thread or process outlived the grace period). */
    FAILED
}
