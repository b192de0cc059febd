package dev.concbench.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured number: a (scenario, model, params, metric) cell of {@code summary.json}.
 *
 * @param scenario  the scenario's name, e.g. {@code context-switch}
 * @param benchmark the JMH benchmark method that produced it, e.g. {@code ContextSwitchBenchmark.handoff}
 * @param model     the model's name, e.g. {@code virtual}
 * @param params    the benchmark parameters other than the model, as strings (sorted)
 * @param metric    what was measured, e.g. {@code handoff}, {@code p99}, {@code rssPerUnit}
 * @param value     the measurement, in {@code unit}
 * @param unit      the unit, e.g. {@code ns/op}, {@code ops/s}, {@code ms}, {@code bytes}
 * @param error     the half-width of the 99.9% confidence interval JMH reports, in {@code unit};
 *                  {@code NaN} when there is none (a single sample)
 * @param samples   how many samples (JMH iterations x forks, or recorded latencies) stand behind it
 * @param better    which direction is an improvement
 * @param guards    why this number must not be trusted as it stands (empty when it can be): e.g.
 *                  {@code "not-virtual: 120 of 1000 tasks ran on platform threads"}
 * @param perFork   the raw samples behind {@code value}: each JMH fork's measurement-iteration values
 *                  in {@code unit}, forks in run order; empty when not recorded (an older run, a derived row).
 *                  The regression gate's statistics resample these
 */
public record ResultRow(
        String scenario,
        String benchmark,
        String model,
        Map<String, String> params,
        String metric,
        double value,
        String unit,
        double error,
        long samples,
        Direction better,
        List<String> guards,
        List<List<Double>> perFork) {

    public ResultRow {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        guards = guards == null ? List.of() : List.copyOf(guards);
        perFork = perFork == null ? List.of() : perFork.stream().map(List::copyOf).toList();
    }

    /** A row without raw samples. */
    public ResultRow(String scenario, String benchmark, String model, Map<String, String> params, String metric,
            double value, String unit, double error, long samples, Direction better, List<String> guards) {
        this(scenario, benchmark, model, params, metric, value, unit, error, samples, better, guards, List.of());
    }

    /** True when no guard voided this number. */
    public boolean trusted() {
        return guards.isEmpty();
    }

    /** The identity compare matches rows on: everything but the measurement. */
    public String key() {
        return scenario + "|" + benchmark + "|" + model + "|" + params + "|" + metric;
    }

    /** A copy with one more guard. */
    public ResultRow withGuard(String guard) {
        var more = new java.util.ArrayList<>(guards);
        more.add(guard);
        return new ResultRow(scenario, benchmark, model, params, metric, value, unit, error, samples, better, more,
                perFork);
    }
}
