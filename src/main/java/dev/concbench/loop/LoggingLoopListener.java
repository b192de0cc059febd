package dev.concbench.loop;

import java.lang.System.Logger.Level;

/** The default {@link LoopListener}: one WARNING line (plus stack trace for failures) per report. */
final class LoggingLoopListener implements LoopListener {

    static final LoggingLoopListener INSTANCE = new LoggingLoopListener();

    private final System.Logger log = System.getLogger("dev.concbench.loop");

    private LoggingLoopListener() {
    }

    @Override
    public void slowCallback(SlowCallback report) {
        log.log(Level.WARNING, "slow " + report.describe());
    }

    @Override
    public void callbackFailed(Object callback, RuntimeException failure) {
        log.log(Level.WARNING, "callback " + callback + " failed", failure);
    }

    @Override
    public void taskFailed(String taskName, Throwable failure) {
        log.log(Level.WARNING, "fire-and-forget task '" + taskName + "' failed", failure);
    }
}
