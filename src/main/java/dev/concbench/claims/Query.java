package dev.concbench.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which row of {@code summary.json} a claim reads: scenario, model, metric, and the parameters the
 * row must have (a row may have more; see {@link RunData#lookup(Query)}).
 *
 * @param scenario a scenario name of {@code docs/metrics.md}
 * @param model    a model name of {@code docs/metrics.md}
 * @param params   required parameter values (the row's other parameters are free)
 * @param metric   a metric name of {@code docs/metrics.md}
 */
public record Query(String scenario, String model, Map<String, String> params, String metric) {

    public Query {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A query from {@code key=value} strings, e.g.
     * {@code Query.of("preemption", "eventloop", "lateness.p99", "disturbance=cpu-hog")}.
     */
    public static Query of(String scenario, String model, String metric, String... params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter must be key=value, got '" + p + "'");
            }
            map.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return new Query(scenario, model, map, metric);
    }

    /** The same query for another model. */
    public Query withModel(String other) {
        return new Query(scenario, other, params, metric);
    }

    /** The same query for another metric. */
    public Query withMetric(String other) {
        return new Query(scenario, model, params, other);
    }

    /** The same query with one more required parameter. */
    public Query with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(key, value);
        return new Query(scenario, model, more, metric);
    }

    /** E.g. {@code preemption/eventloop [disturbance=cpu-hog] lateness.p99}. */
    public String describe() {
        String p = params.isEmpty() ? "" : params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", " [", "]"));
        return scenario + "/" + model + p + " " + metric;
    }
}
