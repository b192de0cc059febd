package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a metric improves: time per operation goes down, operations per second go up. */
public enum Direction {
    LOWER_IS_BETTER("lower"),
    HIGHER_IS_BETTER("higher"),
    /** Informational: a count or a size that is reported but never judged better or worse. */
    NEUTRAL("neutral");

    private final String json;

    Direction(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
