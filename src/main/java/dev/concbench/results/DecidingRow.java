package dev.concbench.results;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of {@code summary.json} that decided a claim's verdict, as {@code claims.json} lists it
 * under {@code "deciding"}: the row's identity and its measurement, copied, so a reader can check
 * the verdict against the numbers without re-running the rule.
 *
 * @param scenario e.g. {@code context-switch}
 * @param model    e.g. {@code platform-pool}
 * @param params   the row's parameters (sorted)
 * @param metric   e.g. {@code handoff}
 * @param value    the measurement, in {@code unit}
 * @param error    the half-width of its confidence interval, in {@code unit}: always finite here
 * @param unit     e.g. {@code ns/op}
 * @param samples  how many samples stand behind it: at least 3 here
 */
public record DecidingRow(String scenario, String model, Map<String, String> params, String metric, double value,
        double error, String unit, long samples) {

    public DecidingRow {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** The deciding copy of a summary row. */
    public static DecidingRow of(ResultRow r) {
        return new DecidingRow(r.scenario(), r.model(), r.params(), r.metric(), r.value(), r.error(), r.unit(),
                r.samples());
    }
}
