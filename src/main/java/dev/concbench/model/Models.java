package dev.concbench.model;

import dev.concbench.vocab.CarrierFlags;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.ModelParams;
import java.util.List;
import java.util.Map;

/**
 * Starts the execution models of {@link ModelKind} by their {@code docs/metrics.md} names. Bad names and parameters
 * are rejected with one line naming the rule and the value, e.g.
 * {@code unknown model 'virtul' (expected one of eventloop, platform-pool, ...)} or
 * {@code poolSize must be >= 1, was 0}.
 *
 * <p>{@code {@code
 * try (ExecutionModel model = Models.start("virtual", Map.of(), WorkTarget.of(server.address()))) {
 *     TaskResult r = model.submit(new Workload.HttpGet("/delay/10")).join();
 * }
 * }}
 */
public final class Models {

    /** How to start one kind of model: its parameters are already validated against {@link ModelKind#params()}. */
    private static ExecutionModel create(ModelKind kind, Params p, WorkTarget t) {
        return switch (kind) {
            case EVENTLOOP -> EventLoopModel.plain(t);
            case COROUTINES -> EventLoopModel.coroutines(t);
            case PLATFORM_POOL -> ThreadModel.platformPool(p.positive(ModelParams.POOL_SIZE, Params.cores()), t);
            case THREAD_PER_TASK -> ThreadModel.threadPerTask(t);
            case VIRTUAL -> ThreadModel.virtual(p.has(CarrierFlags.PARAM) ? p.positive(CarrierFlags.PARAM, 0) : 0, t);
            case PROCESS_POOL -> ProcessPoolModel.start(p.positive(ModelParams.WORKERS, Params.cores()), t);
            case EVENTLOOP_OFFLOAD -> EventLoopModel.offload(
                    p.oneOf(ModelParams.OFFLOAD, List.of(ModelParams.OFFLOAD_PROCESS, ModelParams.OFFLOAD_THREADS), ModelParams.OFFLOAD_PROCESS),
                    p.positive(ModelParams.WORKERS, Params.cores()), t);
            case NETTY -> p.has(ModelParams.OFFLOAD) || p.has(ModelParams.WORKERS)
                    ? NettyModel.offloaded(checkedNettyOffload(p), t) : NettyModel.start(t);
            case PYTHON_ASYNCIO, PYTHON_UVLOOP, PYTHON_THREADS, PYTHON_PROCESSES -> throw new IllegalArgumentException(
                    "model '" + kind.id() + "' runs in CPython (python/concbench_py, the run's CPython side), not in a JVM");
        };
    }

    /** {@code netty}'s offload: {@code offload=executor} (the only value) and its {@code workers} (default: cores). */
    private static int checkedNettyOffload(Params p) {
        p.oneOf(ModelParams.OFFLOAD, List.of(ModelParams.OFFLOAD_EXECUTOR), ModelParams.OFFLOAD_EXECUTOR);
        return p.positive(ModelParams.WORKERS, Params.cores());
    }

    private Models() {
    }

    /** Every model name this class can start (the JVM's), in the order of {@code docs/metrics.md}. */
    public static List<String> names() {
        return ModelKind.ids(dev.concbench.vocab.RuntimeKind.JVM);
    }

    /**
     * Starts the model called {@code name}.
     *
     * @param params the model's parameters by their metrics.md names: {@code poolSize}
     *     (platform-pool, default: the number of cores), {@code workers} (process-pool, default: the
     *     number of cores), {@code carriers} (virtual; needs a JVM started with {@link CarrierFlags#jvmArgs}),
     *     {@code offload} ({@code process}, the default, or {@code threads}) and {@code workers}
     *     (its pool size, default: the number of cores) for eventloop+offload; {@code offload}
     *     ({@code executor}: the burn on a Netty executor group) and {@code workers} for netty; {@code stack}
     *     (thread-per-task) is a setting of the JVM, not of the model: accepted and left to the
     *     fork's {@code -Xss} ({@link dev.concbench.vocab.StackFlags#jvmArgs})
     * @param target the delay server for HTTP workloads, or {@link WorkTarget#none()}
     * @return a RUNNING model; the caller must {@link ExecutionModel#close()} it
     * @throws IllegalArgumentException for an unknown model, an unknown parameter or a bad value
     */
    public static ExecutionModel start(String name, Map<String, String> params, WorkTarget target) {
        ModelKind kind = ModelKind.of(name).orElseThrow(() -> new IllegalArgumentException("unknown model '" + name
                + "' (expected one of " + String.join(", ", names()) + ")"));
        for (String key : params.keySet()) {
            if (!kind.params().contains(key)) {
                throw new IllegalArgumentException("model '" + name + "' has no parameter '" + key + "' (it takes "
                        + (kind.params().isEmpty() ? "none" : String.join(", ", kind.params())) + ")");
            }
        }
        return create(kind, new Params(params), target);
    }

    /** A model's raw parameters with typed, validated access. */
    record Params(Map<String, String> raw) {

        static int cores() {
            return Runtime.getRuntime().availableProcessors();
        }

        boolean has(String key) {
            return raw.containsKey(key);
        }

        /** The parameter as an integer {@code >= 1}, or {@code fallback} when absent. */
        int positive(String key, int fallback) {
            String value = raw.get(key);
            if (value == null) {
                return fallback;
            }
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer >= 1, was '" + value + "'");
            }
            if (n < 1) {
                throw new IllegalArgumentException(key + " must be >= 1, was " + n);
            }
            return n;
        }

        /** The parameter as one of {@code allowed}, or {@code fallback} when absent. */
        String oneOf(String key, List<String> allowed, String fallback) {
            String value = raw.getOrDefault(key, fallback);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed)
                        + ", was '" + value + "'");
            }
            return value;
        }
    }
}
