package dev.concbench.regress;

import java.util.List;

/**
 * Two runs from different profiles or environments, compared without
 * {@link CompareOptions#allowEnvironmentMismatch()}. The message says how they differ; the caller
 * says how to compare them anyway.
 */
public final class EnvironmentMismatchException extends CompareInputException {

    private final List<String> differences;

    public EnvironmentMismatchException(List<String> differences) {
        super("runs are not comparable: " + String.join("; ", differences));
        this.differences = List.copyOf(differences);
    }

    /** The differences, one phrase each, e.g. {@code "cores: 2 (baseline) vs 4 (current)"}. */
    public List<String> differences() {
        return differences;
    }
}
