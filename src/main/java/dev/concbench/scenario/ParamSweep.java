package dev.concbench.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter values to sweep (every combination runs) for some of a scenario's models.
 *
 * @param models the model names this sweep applies to; empty means every model of the scenario
 * @param params parameter name to the values to run, in order
 */
public record ParamSweep(List<String> models, Map<String, List<String>> params) {

    public ParamSweep {
        models = List.copyOf(models);
        TreeMap<String, List<String>> copy = new TreeMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether this sweep runs for {@code model}. */
    public boolean appliesTo(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
