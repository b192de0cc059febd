package dev.concbench.run;

import dev.concbench.scenario.JmhSettings;
import dev.concbench.scenario.ModelSpec;
import dev.concbench.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH invocation of a run: one scenario, one model, one parameter sweep.
 *
 * @param scenario the scenario
 * @param model    the model and its model parameters
 * @param params   the benchmark parameters to sweep (every combination runs), not including {@code model}
 * @param settings the JMH settings
 * @param include  JMH's include pattern selecting the benchmark method(s)
 * @param methods  how many benchmark methods the pattern selects
 */
public record PlanItem(Scenario scenario, ModelSpec model, Map<String, List<String>> params, JmhSettings settings,
        String include, int methods) {

    public PlanItem {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parameter combinations x methods: how many JMH benchmark runs (each with its forks) this item makes. */
    public int combinations() {
        int n = methods;
        for (List<String> values : params.values()) {
            n *= values.size();
        }
        return n;
    }

    /** How progress lines and {@code missing} entries name it, e.g. {@code memory/virtual units=1000,10000}. */
    public String label() {
        StringBuilder b = new StringBuilder(scenario.name()).append('/').append(model.label());
        params.forEach((k, v) -> b.append(' ').append(k).append('=').append(String.join(",", v)));
        return b.toString();
    }

    /**
     * A rough duration, in seconds, before anything ran: JVM start-up per fork plus the
     * iterations. A single-shot benchmark ignores the iteration time, so for those the scenario
     * file's {@code time:} is the planner's figure for one shot, its per-shot set-up included (e.g.
     * io-load's drain window); the shipped quick profiles set it from measured runs.
     */
    public double estimatedSeconds() {
        double perFork = FORK_OVERHEAD_SECONDS
                + (settings.warmupIterations() + settings.iterations()) * settings.iterationMillis() / 1000.0;
        return combinations() * settings.forks() * perFork;
    }

    /**
     * The start-up cost of one JMH fork on a small machine at modest load, in seconds (a planning
     * figure only): on 2026-12-02 a context-switch item of 2 forks x 2.5 s of iterations took 8.2 to
     * 11.6 s at load 7 to 16, about 2 s a fork beyond its iterations, and a run at load 7-9 takes
     * about twice as long as at load 2 (docs/measurements.md).
     */
    static final double FORK_OVERHEAD_SECONDS = 1.0;
}
