package dev.concbench.report;

import dev.concbench.results.Comparison;
import dev.concbench.results.Measure;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The baseline-vs-current section of the page: the rows of the regression gate's
 * {@link Comparison} worth a reader's attention (regressed, missing, changed, improved), worst first.
 * The gate owns the comparison; the report only displays it.
 *
 * @param baselineRunId the baseline run's id
 * @param currentRunId  the current run's id
 * @param summary       the gate's headline, e.g. {@code "REGRESSION: 1 regressed, ..."}
 * @param highlights    the rows shown, most important first
 */
record BaselineView(String baselineRunId, String currentRunId, String summary, List<Highlight> highlights) {

    private static final List<Status> SHOWN = List.of(Status.REGRESSED, Status.MISSING, Status.CHANGED, Status.IMPROVED);

    BaselineView {
        highlights = List.copyOf(highlights);
    }

    /**
     * One compared number.
     *
     * @param what     scenario, model, parameters and metric, e.g. {@code io-load/eventloop [rate=2000] latency.p99}
     * @param baseline the baseline's value with unit and error, as text
     * @param current  the current value with unit and error, as text
     * @param change   the change in words, e.g. {@code "1.31x ± 0.04 slower"}
     * @param status   e.g. {@code regressed (fails the gate)}, {@code improved}
     */
    record Highlight(String what, String baseline, String current, String change, String status) {
    }

    /** The view of {@code c}; null when {@code c} is null. */
    static BaselineView of(Comparison c) {
        if (c == null) {
            return null;
        }
        List<Highlight> shown = c.rows().stream().filter(r -> SHOWN.contains(r.status()))
                .sorted(Comparator.comparingInt(r -> SHOWN.indexOf(r.status())))
                .map(r -> new Highlight(what(r), value(r.baseline()), value(r.current()), r.change(),
                        r.status().label() + (r.failsGate() ? " (fails the gate)" : "")))
                .toList();
        return new BaselineView(c.baselineRunId(), c.currentRunId(), c.headline(), shown);
    }

    private static String what(RowComparison r) {
        String params = r.params().isEmpty() ? "" : r.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " [", "]"));
        return r.scenario() + "/" + r.model() + params + " " + r.metric();
    }

    private static String value(ResultRow row) {
        return row == null || !Double.isFinite(row.value()) ? "-" : Measure.of(row).format();
    }
}
