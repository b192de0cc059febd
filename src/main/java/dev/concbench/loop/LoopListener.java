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

    /** Writes each report to {@link System.Logger} {@code dev.concbench.loop} at WARNING. */
    static LoopListener logging() {
        return LoggingLoopListener.INSTANCE;
    }
}
