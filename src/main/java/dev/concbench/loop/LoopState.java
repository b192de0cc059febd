package dev.concbench.loop;

/**
 * The lifecycle of an {@link EventLoop}: {@code NEW -> RUNNING -> STOPPING -> TERMINATED}, or
 * {@code FAILED} when a callback threw an {@link Error} (which the loop rethrows, after closing its
 * selector, rather than run on in an unknown state).
 */
public enum LoopState {
    /** Constructed, thread not started; nothing runs yet. */
    NEW,
    /** The loop thread runs callbacks, timers and I/O. */
    RUNNING,
    /** {@link EventLoop#close()} was called: live tasks are cancelled, their callbacks drained. */
    STOPPING,
    /** The thread has exited and the selector is closed; submissions are rejected. */
    TERMINATED,
    /** A callback threw an {@code Error}; the thread has exited and submissions are rejected. */
    FAILED
}
