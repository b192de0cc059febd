package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to one row between the baseline and the current run; declared worst first. */
public enum Status {
    /** Worse by more than the threshold and more than the combined error. */
    REGRESSED("regressed"),
    /** In the baseline, not in the current run. */
    MISSING("missing"),
    /** A neutral metric (never better or worse) that moved beyond threshold and error. */
    CHANGED("changed"),
    /** Better by more than the threshold and more than the combined error. */
    IMPROVED("improved"),
    /** In the current run, not in the baseline. */
    NEW("new"),
    /** Present in both but not comparable (no value, a zero baseline, the ratio's reference row). */
    SKIPPED("skipped"),
    /** Within the threshold or within the error. */
    UNCHANGED("unchanged");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
