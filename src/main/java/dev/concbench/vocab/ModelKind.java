package dev.concbench.vocab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The execution models, the one list every stage reads: the scenario parser validates names and
 * parameters against it, {@code model.Models} starts one per kind, the report orders and colours
 * series by it, the regression gate picks its reference model by it, {@code list} prints it.
 * Declaration order is the order of {@code docs/metrics.md}. Adding a model is one line here (and
 * its factory in {@code model.Models}, or for a CPython model its code in {@code python/concbench_py}).
 * Each model has a {@link RuntimeKind}: the JVM's are started by {@code model.Models}, CPython's only by
 * the run's CPython side, and claims judge each runtime from its own rows.
 */
public enum ModelKind {
    //                 name                 parameters               display colour    reference description
    EVENTLOOP("eventloop", List.of(), 0, 0x1f77b4, 4,
            "one java.nio event-loop thread; tasks are non-blocking futures, CPU work runs on the loop"),
    PLATFORM_POOL("platform-pool", List.of(ModelParams.POOL_SIZE), 3, 0xff7f0e, 2,
            "a fixed pool of platform threads (poolSize, default: the number of cores)"),
    THREAD_PER_TASK("thread-per-task", List.of(StackFlags.PARAM), 4, 0xd62728, 3,
            "a new platform thread for every task (stack: the fork's -Xss, default the JVM's)"),
    VIRTUAL("virtual", List.of(CarrierFlags.PARAM), 2, 0x2ca02c, 1,
            "a new virtual thread for every task (carriers: the scheduler's parallelism)"),
    PROCESS_POOL("process-pool", List.of(ModelParams.WORKERS), 5, 0x9467bd, 0,
            "a pool of worker JVMs (workers, default: the number of cores)"),
    EVENTLOOP_OFFLOAD("eventloop+offload", List.of(ModelParams.OFFLOAD, ModelParams.WORKERS), 1, 0x17becf, 0,
            "the event loop, with CPU work offloaded to worker processes or threads"),
    COROUTINES("coroutines", List.of(), 6, 0xe377c2, 0,
            "eventloop's tasks as coroutines: straight-line code with await on the same loop thread"),
    NETTY("netty", List.of(ModelParams.OFFLOAD, ModelParams.WORKERS), 7, 0x8c564b, 0,
            "one Netty 4.2 NIO event-loop thread running the same tasks in Netty's idiom: the industrial reference for "
                    + "eventloop (offload=executor: the burn on a Netty executor group of workers threads)"),
    // CPython's models: run by python/concbench_py, never started by model.Models; drawn dashed, in
    // lighter shades of their JVM counterparts' colours, so the two runtimes tell apart at a glance
    PYTHON_ASYNCIO("python-asyncio", List.of(), 8, 0x6baed6, 0,
            "CPython asyncio: coroutines on one event-loop thread (python/concbench_py)", RuntimeKind.CPYTHON),
    PYTHON_UVLOOP("python-uvloop", List.of(), 9, 0x9ecae1, 0,
            "CPython asyncio on uvloop's event loop, when uvloop is importable", RuntimeKind.CPYTHON),
    PYTHON_THREADS("python-threads", List.of(), 10, 0xfdae6b, 0,
            "CPython threading: a thread per unit, or a ThreadPoolExecutor; one GIL", RuntimeKind.CPYTHON),
    PYTHON_PROCESSES("python-processes", List.of(), 11, 0xbcbddc, 0,
            "CPython ProcessPoolExecutor / multiprocessing: a process per worker, a GIL each", RuntimeKind.CPYTHON);

    private final String id;
    private final List<String> params;
    private final int displayRank;
    private final int rgb;
    private final int referenceRank;
    private final String description;
    private final RuntimeKind runtime;

    ModelKind(String id, List<String> params, int displayRank, int rgb, int referenceRank, String description) {
        this(id, params, displayRank, rgb, referenceRank, description, RuntimeKind.JVM);
    }

    ModelKind(String id, List<String> params, int displayRank, int rgb, int referenceRank, String description,
            RuntimeKind runtime) {
        this.runtime = runtime;
        this.id = id;
        this.params = params;
        this.displayRank = displayRank;
        this.rgb = rgb;
        this.referenceRank = referenceRank;
        this.description = description;
    }

    /** The name as {@code docs/metrics.md}, scenario files and result rows spell it, e.g. {@code "platform-pool"}. */
    public String id() {
        return id;
    }

    /** The model parameters this model takes, e.g. {@code poolSize}; empty for none. */
    public List<String> params() {
        return params;
    }

    /** Where the report lists this model's series: 0 first. */
    public int displayRank() {
        return displayRank;
    }

    /** The colour of this model on every chart, as {@code 0xRRGGBB}. */
    public int rgb() {
        return rgb;
    }

    /**
     * Where this model stands in the regression gate's ratios mode as the divisor, 1 first; 0 when it
     * is never one. The event loop comes last because it is what the injected slowdown and most
     * changes of ours touch: dividing by it would turn a slower loop into "every other model
     * improved". Virtual threads come first: measured back to back on a busy 2-core machine, their
     * hand-off was the steadiest (platform-pool hand-offs wait on a kernel wake-up and now and then
     * stall a whole run, which leaves every ratio unbounded).
     */
    public int referenceRank() {
        return referenceRank;
    }

    /** One line saying what the model is. */
    public String description() {
        return description;
    }

    /** Where this model runs: in concbench's JVM forks, or in CPython. */
    public RuntimeKind runtime() {
        return runtime;
    }

    /** Whether {@code model.Models} can start this model in a JVM (false for CPython's). */
    public boolean onJvm() {
        return runtime == RuntimeKind.JVM;
    }

    /** The runtime of the model called {@code id}: JVM for a name no model has (an older row's). */
    public static RuntimeKind runtimeOf(String id) {
        return of(id).map(ModelKind::runtime).orElse(RuntimeKind.JVM);
    }

    /** The names of the models of one runtime, in the order of {@code docs/metrics.md}. */
    public static List<String> ids(RuntimeKind runtime) {
        return Arrays.stream(values()).filter(k -> k.runtime == runtime).map(ModelKind::id).toList();
    }

    /** Whether this model's tasks run on an event loop ({@code eventloop}, {@code eventloop+offload}, {@code coroutines}). */
    public boolean onLoop() {
        return this == EVENTLOOP || this == EVENTLOOP_OFFLOAD || this == COROUTINES;
    }

    /** Whether this model runs tasks on threads of this JVM ({@code platform-pool}, {@code thread-per-task}, {@code virtual}). */
    public boolean onThreads() {
        return this == PLATFORM_POOL || this == THREAD_PER_TASK || this == VIRTUAL;
    }

    /** Whether {@code id} names this model. */
    public boolean is(String id) {
        return this.id.equals(id);
    }

    /** The model called {@code id}, if there is one. */
    public static Optional<ModelKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /**
     * The model called {@code id}.
     *
     * @throws IllegalArgumentException naming the known models when there is none
     */
    public static ModelKind require(String id) {
        return of(id).orElseThrow(() -> new IllegalArgumentException("unknown model '" + id + "' (expected one of "
                + String.join(", ", ids()) + ")"));
    }

    /** Every model name, in the order of {@code docs/metrics.md}. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ModelKind::id).toList();
    }

    /** Every model parameter any model takes. */
    public static List<String> allParams() {
        return Arrays.stream(values()).flatMap(k -> k.params.stream()).distinct().toList();
    }

    /** Where the report lists the model called {@code id}: its display rank, or after every model for any other name. */
    public static int displayRank(String id) {
        return of(id).map(ModelKind::displayRank).orElse(values().length);
    }

    /** The model names in the report's order. */
    public static List<String> displayOrder() {
        return Arrays.stream(values()).sorted(Comparator.comparingInt(ModelKind::displayRank)).map(ModelKind::id).toList();
    }

    /** The models the regression gate tries, in order, as the divisor of ratios mode. */
    public static List<String> referenceOrder() {
        return Arrays.stream(values()).filter(k -> k.referenceRank > 0)
                .sorted(Comparator.comparingInt(ModelKind::referenceRank)).map(ModelKind::id).toList();
    }
}
