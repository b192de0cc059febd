package dev.concbench.regress;

/**
 * Input the gate cannot compare: a missing or foreign results directory, a run with no rows,
 * environments that differ, a malformed {@code thresholds:} map. The message is one line naming
 * the file or the difference; the command line turns it into exit 2.
 */
public class CompareInputException extends Exception {
    public CompareInputException(String message) {
        super(message);
    }
}
