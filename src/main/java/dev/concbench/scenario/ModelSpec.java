package dev.concbench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One model a scenario runs, with its model parameters (docs/metrics.md: {@code poolSize},
 * {@code workers}, {@code carriers}, {@code offload}).
 *
 * @param name   one of {@link #MODELS}
 * @param params model parameters as strings, e.g. {@code carriers=1}; empty for the model's defaults
 */
public record ModelSpec(String name, Map<String, String> params) {

    /** The models of docs/metrics.md, in the order the report lists them. */
    public static final List<String> MODELS = List.of(
            "eventloop", "platform-pool", "thread-per-task", "virtual", "process-pool", "eventloop+offload");

    /** The model parameters a scenario may set. */
    public static final List<String> MODEL_PARAMS = List.of("poolSize", "workers", "carriers", "offload");

    /** The one model parameter that is not a benchmark parameter but a JVM setting of the fork. */
    public static final String CARRIERS = "carriers";

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
        List<String> args = new ArrayList<>();
        String carriers = params.get(CARRIERS);
        if (carriers != null) {
            args.add("-Djdk.virtualThreadScheduler.parallelism=" + carriers);
            args.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + carriers);
        }
        return args;
    }
}
