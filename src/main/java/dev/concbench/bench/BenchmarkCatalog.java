package dev.concbench.bench;

import dev.concbench.server.ServerImpl;
import dev.concbench.vocab.ModelKind;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The benchmarks this build has, read from their annotations: each {@code @Benchmark} method by
 * {@code Class.method} (and every class as {@code Class.*}), its {@code @Param} names, and the
 * models it implements (the annotated values of its {@code model} parameter). Immutable.
 */
public final class BenchmarkCatalog {

    /** The parameter every benchmark has, naming the model under test. */
    public static final String MODEL_PARAM = "model";

    /**
     * The system property that gives benchmark forks the delay server's address ({@code host:port});
     * the run sets it when a scenario needs the server.
     */
    public static final String SERVER_PROPERTY = "concbench.server";

    private static final List<Class<?>> CLASSES = List.of(
            ContextSwitchBenchmark.class, SpawnBenchmark.class, MemoryBenchmark.class, ScalabilityBenchmark.class,
            CpuBenchmark.class, PreemptionBenchmark.class, IoLoadBenchmark.class, DeterminismBenchmark.class,
            PoolingBenchmark.class, ExamplesBenchmark.class, HttpServerBenchmark.class);

    /** A benchmark: its name, JMH's include pattern for it, its parameters and implemented models. */
    public record Entry(String name, String include, Set<String> params, List<String> models) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Per benchmark name, the parameters that accept only some values ({@link ParamValues}) and those values. */
    private final Map<String, Map<String, List<String>>> values = new LinkedHashMap<>();

    /** The catalog of this build. */
    public static BenchmarkCatalog of() {
        return new BenchmarkCatalog(CLASSES);
    }

    BenchmarkCatalog(List<Class<?>> classes) {
        for (Class<?> c : classes) {
            Set<String> params = new LinkedHashSet<>();
            List<String> models = new ArrayList<>();
            Map<String, List<String>> accepted = new LinkedHashMap<>();
            for (Field f : c.getFields()) {
                Param p = f.getAnnotation(Param.class);
                if (p != null) {
                    params.add(f.getName());
                    ParamValues only = f.getAnnotation(ParamValues.class);
                    if (only != null) {
                        accepted.put(f.getName(), List.of(only.value()));
                    }
                    if (f.getName().equals(MODEL_PARAM)) {
                        // JMH wants the names as compile-time constants; they must still be the registry's
                        for (String model : p.value()) {
                            if (ModelKind.of(model).isEmpty()) {
                                throw new IllegalStateException(c.getSimpleName() + ": @Param model '" + model
                                        + "' is not a model (expected one of " + String.join(", ", ModelKind.ids()) + ")");
                            }
                        }
                        models.addAll(Arrays.asList(p.value()));
                    }
                }
            }
            String prefix = "^" + Pattern.quote(c.getName() + ".");
            entries.put(c.getSimpleName() + ".*", new Entry(c.getSimpleName() + ".*", prefix, Set.copyOf(params), List.copyOf(models)));
            values.put(c.getSimpleName() + ".*", Map.copyOf(accepted));
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    String name = c.getSimpleName() + "." + m.getName();
                    entries.put(name, new Entry(name, prefix + Pattern.quote(m.getName()) + "$",
                            Set.copyOf(params), List.copyOf(models)));
                    values.put(name, Map.copyOf(accepted));
                }
            }
        }
    }

    /** Every benchmark name with its parameter names, as {@link dev.concbench.scenario.ScenarioParser} wants. */
    public Map<String, Set<String>> parameters() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> out.put(k, v.params()));
        return out;
    }

    /**
     * Every benchmark name with its parameters that accept only the values {@link ParamValues} lists,
     * and those values, as {@link dev.concbench.scenario.ScenarioParser} wants.
     */
    public Map<String, Map<String, List<String>>> parameterValues() {
        return Map.copyOf(values);
    }

    /**
     * The environment the forks of the benchmark class called {@code simpleName} must start with
     * ({@link ForkEnvironment}), in declaration order; empty when it needs none or is not a benchmark.
     */
    public static Map<String, String> forkEnvironment(String simpleName) {
        Map<String, String> env = new LinkedHashMap<>();
        CLASSES.stream().filter(c -> c.getSimpleName().equals(simpleName))
                .map(c -> c.getAnnotation(ForkEnvironment.class)).filter(java.util.Objects::nonNull)
                .flatMap(a -> Arrays.stream(a.value()))
                .forEach(v -> env.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1)));
        return env;
    }

    /**
     * The server a fork of the benchmark class called {@code simpleName} measures for {@code model},
     * when that benchmark measures a server in a JVM of its own ({@link HttpServerBenchmark}): a run
     * starts it once per plan item and gives it to the item's forks ({@link GivenServer}); empty for
     * every other benchmark.
     */
    public static Optional<ServerImpl> itemServer(String simpleName, String model) {
        return simpleName.equals(HttpServerBenchmark.class.getSimpleName())
                ? Optional.of(HttpServerBenchmark.serverFor(model)) : Optional.empty();
    }

    /** The entry for {@code name} ({@code Class.method} or {@code Class.*}). */
    public Entry get(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown benchmark '" + name + "' (expected one of " + entries.keySet() + ")");
        }
        return e;
    }
}
