package dev.concbench.cli;

/** A run that could not complete (a benchmark fork died, a server would not start): exit 3. */
public class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
