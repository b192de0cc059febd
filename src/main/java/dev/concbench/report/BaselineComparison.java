package dev.concbench.report;

import java.util.List;

/**
 * Baseline-vs-current highlights the report shows when given a baseline. The regression gate
 * ({@code compare}) builds it (it owns the noise-aware comparison); the report only displays it.
 * JSON-friendly, so {@code compare} may also write it to a file and the report read it back with
 * Jackson.
 *
 * @param baselineRunId the baseline run's id
 * @param currentRunId  the current run's id
 * @param summary       one sentence, e.g. "2 regressions, 1 improvement, 40 unchanged"
 * @param highlights    the rows worth a reader's attention, most important first
 */
public record BaselineComparison(String baselineRunId, String currentRunId, String summary,
        List<Highlight> highlights) {

    public BaselineComparison {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    /**
     * One compared number.
     *
     * @param what     scenario, model, parameters and metric, e.g. {@code io-load/eventloop [rate=2000] latency.p99}
     * @param baseline the baseline's value with unit and error, as text
     * @param current  the current value with unit and error, as text
     * @param change   the change, e.g. {@code "+31% (ratio 1.31 ± 0.04)"}
     * @param status   e.g. {@code regression}, {@code improvement}, {@code unchanged}, {@code within noise}
     */
    public record Highlight(String what, String baseline, String current, String change, String status) {
    }
}
