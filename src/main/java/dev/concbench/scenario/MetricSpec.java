package dev.concbench.scenario;

import dev.concbench.results.Direction;

/**
 * A metric a scenario produces (docs/metrics.md names them).
 *
 * @param name   the {@code metric} field of the rows, e.g. {@code handoff}, {@code lateness.p99}
 * @param unit   the unit the rows carry, e.g. {@code ns/op}, {@code ms}, {@code bytes}
 * @param better which direction is an improvement
 * @param source where the value comes from in JMH's result: {@link #PRIMARY} for the benchmark's
 *               score, otherwise the label of a secondary result (by default the metric's name)
 */
public record MetricSpec(String name, String unit, Direction better, String source) {

    /** The source naming JMH's primary score. */
    public static final String PRIMARY = "primary";

    /** Whether this metric is the benchmark's primary score. */
    public boolean primary() {
        return PRIMARY.equals(source);
    }
}
