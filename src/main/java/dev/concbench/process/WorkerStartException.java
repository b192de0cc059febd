package dev.concbench.process;

import java.io.IOException;

/**
 * A worker JVM could not be started: it exited before saying hello, did not say hello within the
 * start timeout, or could not be spawned at all. The message names the pid and what happened.
 */
public final class WorkerStartException extends IOException {

    WorkerStartException(String message) {
        super(message);
    }

    WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
