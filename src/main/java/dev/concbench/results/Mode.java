package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What a row of the current run is compared with. */
public enum Mode {
    /** Each number against the same number of the baseline: only meaningful on the same machine. */
    ABSOLUTE("absolute"),
    /**
     * Each model's number divided by a reference model's number of the same run, scenario, params
     * and metric, against the same quotient of the baseline: carries across machines.
     */
    RATIOS("ratios");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The mode named {@code label} ({@code absolute} or {@code ratios}), if any. */
    public static Optional<Mode> byLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }
}
