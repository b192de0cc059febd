package dev.concbench.loop;

import java.lang.System.Logger.Level;

/** The default {@link LoopListener}: one WARNING line (plus the stack trace of a failing callback or task) per report. */
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
    public void acceptPaused(String server, String reason) {
        log.log(Level.WARNING, "accept failed on " + server + " (" + reason + "); pausing new connections, serving the"
                + " open ones (reported at most once a minute)");
    }

    @Override
    public void taskFailed(String taskName, Throwable failure) {
        log.log(Level.WARNING, "fire-and-forget task '" + taskName + "' failed", failure);
    }
}
