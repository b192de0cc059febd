package dev.concbench.run;

import java.util.List;

/**
 * A run was asked for a scenario or a model that does not exist. The message names the value and
 * the ones expected, in the run's own words ({@code 'memroy' is not a scenario (expected one of
 * memory, spawn)}); the command line adds which flag gave it.
 */
public final class UnknownFilterException extends IllegalArgumentException {

    /** What the unknown name was meant to be. */
    public enum Subject {
        SCENARIO, MODEL;

        /** The word for it in a message, e.g. {@code scenario}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Subject subject;

    /**
     * @param subject  what {@code value} was meant to be
     * @param value    the unknown name
     * @param expected the names there are
     */
    public UnknownFilterException(Subject subject, String value, List<String> expected) {
        super("'" + value + "' is not a " + subject.word() + " (expected one of " + String.join(", ", expected) + ")");
        this.subject = subject;
    }

    /** What the unknown name was meant to be. */
    public Subject subject() {
        return subject;
    }
}
