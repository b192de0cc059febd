package dev.concbench.history;

/**
 * The history database could not be used: a bad URL, an unreachable server, a file that is not
 * a history database, a schema newer than this build, a lock held too long, a read-only file.
 * Its message is one line naming the database and what was wrong; no flag names (the caller adds them).
 */
public class HistoryException extends Exception {
    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
