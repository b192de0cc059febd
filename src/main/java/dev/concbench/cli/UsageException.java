package dev.concbench.cli;

/**
 * A mistake in what the user gave us: a flag, a file, a name. Its message is the whole one-line
 * report (where, what was expected); the front end prints it and exits 2, never a stack trace.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
