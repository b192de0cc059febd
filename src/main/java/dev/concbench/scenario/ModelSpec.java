package dev.concbench.scenario;

import dev.concbench.vocab.CarrierFlags;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.StackFlags;
import java.util.ArrayList;
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

    /** The {@code virtual} model's carrier count: a JVM setting of the fork, not a benchmark parameter. */
    public static final String CARRIERS = CarrierFlags.PARAM;

    /** The {@code thread-per-task} model's stack size: a JVM setting of the fork, not a benchmark parameter. */
    public static final String STACK = StackFlags.PARAM;

    /** The model parameters that are JVM settings of the fork ({@link #jvmArgs}) rather than benchmark parameters. */
    public static final java.util.Set<String> FORK_SETTINGS = java.util.Set.of(CARRIERS, STACK);

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
     * thread scheduler's parallelism (and its compensation pool) is limited to that many;
     * {@code stack=8m} means every Java thread of the fork gets an 8 MiB stack ({@code -Xss8m}).
     */
    public List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        String carriers = params.get(CARRIERS);
        if (carriers != null) {
            args.addAll(CarrierFlags.jvmArgs(carriers));
        }
        String stack = params.get(STACK);
        if (stack != null) {
            args.addAll(StackFlags.jvmArgs(stack));
        }
        return List.copyOf(args);
    }
}
