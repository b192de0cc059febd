package dev.concbench.results;

import java.util.List;
import java.util.Map;

/**
 * One row key of the comparison: the baseline's row, the current row, and the verdict.
 *
 * @param key        {@link ResultRow#key()}
 * @param scenario   the scenario
 * @param benchmark  the JMH benchmark
 * @param model      the model
 * @param params     the row's params
 * @param metric     the metric
 * @param unit       the metric's unit (of the current row, else the baseline's)
 * @param better     which direction is an improvement
 * @param baseline   the baseline's row, null when {@link Status#NEW}
 * @param current    the current row, null when {@link Status#MISSING}
 * @param reference  ratios mode: the model whose row of the same run each value was divided by; else null
 * @param ratio      current / baseline of the compared quantity (the value in absolute mode, the
 *                   in-run quotient in ratios mode; the ratio of the raw samples' best-side deciles when both rows
 *                   have them from at least two forks), dimensionless; {@code NaN} when not compared
 * @param ratioError the half-width of {@code ratio}'s 99.9% interval, from both runs' JMH errors
 *                   propagated in quadrature (first-order, for display); {@code NaN} when a run gave no error
 * @param logError   the half-width of {@code ln ratio}'s interval, which the gate tests; infinite when
 *                   a measurement's interval reaches 0; {@code NaN} when a run gave no error
 * @param threshold  the fraction this metric may worsen by (0.2 = 20 %)
 * @param low        the lower end of {@code ratio}'s confidence interval; {@code NaN} when not compared
 * @param high       the upper end of {@code ratio}'s confidence interval; infinite when unbounded
 * @param detectable the smallest worsening this comparison could have flagged, as a fraction (0.12 =
 *                   12 % worse): the threshold plus what the interval's width hides; {@code NaN} when
 *                   not compared, infinite when the interval is unbounded (the row is not really gated)
 * @param statistic  how the interval was computed, e.g. {@code "bootstrap of lower deciles, 5+5 forks, 99%"}
 *                   or {@code "JMH 99.9% errors"}; empty when not compared
 * @param status     the verdict
 * @param failsGate  true when this row makes the gate fail: regressed, unguarded, with a known error
 * @param guards     guards of the rows involved, each prefixed with the run it came from
 * @param change     the change in words, e.g. {@code "1.31x +- 0.04 slower"}; empty when not compared
 * @param note       why a row was skipped, or what else a reader must know; empty otherwise
 */
public record RowComparison(
        String key,
        String scenario,
        String benchmark,
        String model,
        Map<String, String> params,
        String metric,
        String unit,
        Direction better,
        ResultRow baseline,
        ResultRow current,
        String reference,
        double ratio,
        double ratioError,
        double logError,
        double threshold,
        double low,
        double high,
        double detectable,
        String statistic,
        Status status,
        boolean failsGate,
        List<String> guards,
        String change,
        String note) {

    public RowComparison {
        params = params == null ? Map.of() : Map.copyOf(params);
        guards = guards == null ? List.of() : List.copyOf(guards);
        statistic = statistic == null ? "" : statistic;
    }

    /** True when a guard of any row involved voids this comparison: it is listed, never decides. */
    public boolean guarded() {
        return !guards.isEmpty();
    }

    /** {@code model} with its params, e.g. {@code platform-pool poolSize=4}. */
    public String modelAndParams() {
        StringBuilder s = new StringBuilder(model);
        params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        return s.toString();
    }
}
