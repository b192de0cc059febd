package dev.concbench.results;

/** A directory or file that is not a readable concbench result (missing, foreign, older format). */
public class ResultsFormatException extends Exception {
    public ResultsFormatException(String message) {
        super(message);
    }
}
