package dev.concbench.results;

import java.util.List;

/**
 * The whole of {@code summary.json}.
 *
 * @param format   always {@link #FORMAT}; a reader refuses any other
 * @param runId    {@code YYYYMMDD-HHMMSS-<profile>}
 * @param profile  {@code smoke}, {@code quick} or {@code full}
 * @param complete false when the run was interrupted or a scenario failed
 * @param missing  scenarios (or scenario/model pairs) that were planned but did not finish, and why
 * @param rows     every measured number
 */
public record RunSummary(
        String format, String runId, String profile, boolean complete, List<String> missing, List<ResultRow> rows) {

    /** The format tag this build writes and reads. */
    public static final String FORMAT = "concbench-results/1";

    public RunSummary {
        missing = missing == null ? List.of() : List.copyOf(missing);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The rows of one scenario. */
    public List<ResultRow> rows(String scenario) {
        return rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
    }
}
