package dev.concbench.regress;

import dev.concbench.scenario.Scenario;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The per-metric thresholds the scenario files declare ({@code thresholds: {handoff: 0.25}}), by
 * scenario and metric, as the scenario parser validated them into {@link Scenario#thresholds()}.
 *
 * @param byScenario scenario name -&gt; metric name -&gt; fraction (&gt; 0) by which it may get worse
 */
public record ScenarioThresholds(Map<String, Map<String, Double>> byScenario) {

    public ScenarioThresholds {
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        byScenario.forEach((s, m) -> copy.put(s, Map.copyOf(m)));
        byScenario = Map.copyOf(copy);
    }

    /** No scenario declares a threshold. */
    public static ScenarioThresholds none() {
        return new ScenarioThresholds(Map.of());
    }

    /** The thresholds of {@code scenarios}, as parsed. */
    public static ScenarioThresholds of(Collection<Scenario> scenarios) {
        Map<String, Map<String, Double>> all = new TreeMap<>();
        scenarios.stream().filter(s -> !s.thresholds().isEmpty()).forEach(s -> all.put(s.name(), s.thresholds()));
        return new ScenarioThresholds(all);
    }

    /** The threshold {@code scenario} declares for {@code metric}, if any. */
    public OptionalDouble of(String scenario, String metric) {
        Double t = byScenario.getOrDefault(scenario, Map.of()).get(metric);
        return t == null ? OptionalDouble.empty() : OptionalDouble.of(t);
    }
}
