package dev.concbench.scenario;

import dev.concbench.vocab.CarrierFlags;
import dev.concbench.vocab.ModelKind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One model a scenario runs, with its model parameters (docs/metrics.md: {@code poolSize},
 * {@code workers}, {@code carriers}, {@code offload}).
 *
 * @param name   a {@link ModelKind#id()}
 * @param params model parameters as strings, e.g. {@code carriers=1}; empty for the model's defaults
 */
public record ModelSpec(String name, Map<String, String> params) {

    /** The one model parameter that is not a benchmark parameter but a JVM setting of the fork. */
    public static final String CARRIERS = CarrierFlags.PARAM;

    public ModelSpec {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** A model with its defaults. */
    public static ModelSpec of(String name) {
        return new ModelSpec(name, Map.of());
    }

    /** How progress lines and {@code missing} entries name it: {@code virtual} or {@code virtual[carriers=1]}. */
    public String label() {
        if (params.isEmpty()) {
            return name;
        }
        return name + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * The JVM arguments a fork running this model needs: one carrier thread means the virtual
     * thread scheduler's parallelism (and its compensation pool) is limited to that many.
     */
    public List<String> jvmArgs() {
        String carriers = params.get(CARRIERS);
        return carriers == null ? List.of() : CarrierFlags.jvmArgs(carriers);
    }
}
