package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole result of comparing a current run with a baseline: what the regression gate
 * ({@code compare}, {@code ab}) computes, the report shows and {@code compare.json} holds
 * ({@link ResultsDir#writeComparison}, {@link ResultsDir#readComparison}).
 *
 * @param baselineRunId      the baseline's run id
 * @param currentRunId       the current run's run id
 * @param mode               how rows were compared
 * @param thresholdOverride  the command line's threshold for every metric, or null
 * @param defaultThreshold   the threshold of metrics no scenario file names
 * @param environmentNotes   how the two runs' profile or environment differ (empty when they match),
 *                           and anything else that weakens the comparison (an incomplete run)
 * @param rows               one per row key of either run, baseline order first, then new rows
 */
public record Comparison(
        String baselineRunId,
        String currentRunId,
        Mode mode,
        Double thresholdOverride,
        double defaultThreshold,
        List<String> environmentNotes,
        List<RowComparison> rows) {

    /** Exit code when no row failed the gate. */
    public static final int PASSED = 0;
    /** Exit code when at least one unguarded row regressed beyond its threshold and error. */
    public static final int REGRESSION = 1;

    public Comparison {
        environmentNotes = environmentNotes == null ? List.of() : List.copyOf(environmentNotes);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The comparison of the row with {@code key} ({@link dev.concbench.results.ResultRow#key()}), if either run has it. */
    public java.util.Optional<RowComparison> row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** The rows with {@code status}, in order. */
    public List<RowComparison> rows(Status status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }

    /** How many rows have each status (every status present, zero included), worst first. */
    @JsonProperty("counts")
    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        counts.putAll(rows.stream().collect(Collectors.groupingBy(RowComparison::status, Collectors.counting())));
        return counts;
    }

    /** The rows that make the gate fail. */
    public List<RowComparison> gateFailures() {
        return rows.stream().filter(RowComparison::failsGate).toList();
    }

    /** {@link #REGRESSION} when any row fails the gate, {@link #PASSED} otherwise. */
    @JsonProperty("exitCode")
    public int exitCode() {
        return gateFailures().isEmpty() ? PASSED : REGRESSION;
    }

    /** One line: the outcome and the counts, e.g. {@code "REGRESSION: 1 regressed, 3 improved, ..."}. */
    @JsonProperty("headline")
    public String headline() {
        String counts = counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        String outcome = exitCode() == PASSED ? "PASS" : "REGRESSION";
        long passive = rows(Status.REGRESSED).stream().filter(r -> !r.failsGate()).count();
        String guardNote = passive == 0 ? ""
                : " (" + passive + " regressed row(s) do not decide: guarded or without an error)";
        return outcome + ": " + counts + guardNote;
    }

    /** The threshold rule in words, e.g. {@code "20% (scenario thresholds: where declared)"}. */
    public String thresholdRule() {
        if (thresholdOverride != null) {
            return percent(thresholdOverride) + String.format(java.util.Locale.ROOT,
                    " (a change beyond %.2fx) for every metric (one threshold given for all)", 1 + thresholdOverride);
        }
        return percent(defaultThreshold) + " unless the scenario file's thresholds: says otherwise";
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
