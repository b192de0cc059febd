package dev.concbench.loop;

/**
 * Receives what the loop reports instead of crashing or staying silent: slow callbacks (debug
 * mode), failing callbacks and failed fire-and-forget tasks. Called on the loop thread, so an
 * implementation must be quick and must not block.
 */
public interface LoopListener {

    /** A callback ran longer than the threshold ({@link LoopOptions#slowCallbackThreshold()}). */
    void slowCallback(SlowCallback report);

    /** A callback threw; the loop counted it and went on. */
    void callbackFailed(Object callback, RuntimeException failure);

    /** A fire-and-forget task ({@link EventLoop#fireAndForget}) failed; nobody else will see it. */
    void taskFailed(String taskName, Throwable failure);

    /**
     * A server's {@code accept} failed (e.g. out of file descriptors: EMFILE), so it stops accepting for a
     * back-off and serves its open connections: a condition of the machine, not a bug, so one line, no stack
     * trace. Reported once per streak (at most once a minute); the server's {@code acceptFailures()} counts all.
     */
    default void acceptPaused(String server, String reason) {
        LoggingLoopListener.INSTANCE.acceptPaused(server, reason);
    }

    /** Writes each report to {@link System.Logger} {@code dev.concbench.loop} at WARNING. */
    static LoopListener logging() {
        return LoggingLoopListener.INSTANCE;
    }
}
