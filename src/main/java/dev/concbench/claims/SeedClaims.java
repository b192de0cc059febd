package dev.concbench.claims;

import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;
import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import static dev.concbench.claims.ChartNames.png;

import dev.concbench.claims.RatioRule.Labeled;
import dev.concbench.claims.RatioRule.Stall;
import dev.concbench.results.ClaimResult;
import dev.concbench.vocab.CarrierFlags;
import java.util.List;
import java.util.Optional;

/**
 * Every claim of the seed ({@code shared/seeds/000_70a2959272c2a8d8.txt}, "Python asyncio Event
 * Loop") that concbench judges: the seven rows of its "asyncio vs Threading" table, then the
 * timing claims of its example programs, pitfalls and performance tips. The quotes are verbatim.
 */
public final class SeedClaims {

    static final String TABLE_SOURCE = "the seed's \"asyncio vs Threading\" table";

    /**
     * A heartbeat is "stalled" when its lateness is at least this many times the comparison's:
     * a stall is the length of the blocking work (hundreds of ms), undisturbed lateness is
     * scheduling noise (well under a ms), so a real stall clears 10 x by far.
     */
    public static final double STALL = 10;
    /** Below this the loop was barely later than its comparison: no stall, the claim is contradicted. */
    public static final double NO_STALL = 2;
    /** gather must beat sequential awaits by this much; the seed's delays (2, 1, 3) give 6 / 3 = 2 x. */
    public static final double GATHER_GAIN = 1.5;
    /** Below this gather gained nothing worth the name over sequential awaits: contradicted. */
    public static final double NO_GATHER_GAIN = 1.1;
    /** A new connection per request must be at least 10% slower than a pooled one. */
    public static final double POOLING_GAIN = 1.1;
    /** Below this a new connection per request was no slower than a pooled one: contradicted. */
    public static final double NO_POOLING_GAIN = 1;

    private static final List<Claim> ALL = List.of(
            Claim.tableRow("table.concurrency-model", "Concurrency model",
                    "Cooperative, single-threaded — tasks yield at await points",
                    "Preemptive, multi-threaded — OS schedules threads anywhere",
                    List.of(png(ChartNames.HEARTBEAT_CPU_HOG)), SeedClaims::concurrencyModel),
            Claim.tableRow("table.best-for", "Best for",
                    "I/O-bound tasks (network, disk, sockets)",
                    "CPU-bound work or blocking-I/O libraries with no async port",
                    List.of(png(ChartNames.IO_LOAD), png(ChartNames.CPU_SPEEDUP)), BestForRule::new),
            Claim.tableRow("table.context-switch", "Context switch",
                    "Very fast — pure user space, no syscall",
                    "Slower — kernel-mediated thread switch",
                    List.of(png(ChartNames.CONTEXT_SWITCH), png(ChartNames.SPAWN)), ContextSwitchRule::new),
            Claim.tableRow("table.memory", "Memory usage",
                    "Low — one stack, lightweight coroutine frames",
                    "Higher — each thread reserves its own stack (~8 MB default)",
                    List.of(png(ChartNames.MEMORY)), MemoryRule::new),
            Claim.tableRow("table.gil", "GIL impact",
                    "None — only one thread runs all coroutines",
                    "Limited — GIL serializes Python bytecode across threads",
                    List.of(png(ChartNames.CPU_SPEEDUP)), GilRule::new),
            Claim.tableRow("table.debugging", "Debugging",
                    "Easier — sequential reasoning, deterministic switch points",
                    "Harder — race conditions, deadlocks, locking overhead",
                    List.of(png(ChartNames.DETERMINISM)), DebuggingRule::new),
            Claim.tableRow("table.scalability", "Scalability",
                    "10,000+ concurrent tasks on one thread",
                    "Hundreds to a few thousand threads before OS thrashes",
                    List.of(png(ChartNames.SCALABILITY_P99), png(ChartNames.SCALABILITY_THROUGHPUT),
                            png(ChartNames.SCALABILITY_CREATE_COST)),
                    ScalabilityRule::new),
            example("example.gather", "gather takes the longest delay, not the sum",
                    "the seed's Event Loop example (Core Concepts, 2)",
                    "# The event loop runs multiple coroutines concurrently — asyncio.gather(task(\"A\", 2),"
                            + " task(\"B\", 1), task(\"C\", 3))",
                    ChartNames.EXAMPLES,
                    new ExampleRule("gather", 3, "the longest delay", 6, "the sum of the delays", null,
                            "The three delays overlapped: gather took nearer the longest delay than their sum.")),
            example("example.tasks", "tasks of 2, 3 and 1 take about 3",
                    "the seed's Tasks example (Core Concepts, 3)",
                    "print(f\"Total time: {time.time() - start:.2f}s\")  # ~3s, not 6s!",
                    ChartNames.EXAMPLES,
                    new ExampleRule("tasks", 3, "\"~3s\", the longest task", 6, "\"not 6s\", the sum", null,
                            "create_task started all three at once: nearer 3 units than 6.")),
            example("example.semaphore", "the semaphore caps concurrency at 3",
                    "the seed's Semaphore for Rate Limiting pattern",
                    "# Limit to 3 concurrent requests — semaphore = asyncio.Semaphore(3)",
                    ChartNames.EXAMPLES,
                    new ExampleRule("semaphore", 4, "10 one-unit requests, 3 at a time: 4 rounds", 10,
                            "one at a time: 10 rounds",
                            new ExampleRule.Exact("maxConcurrent", 3, "at most 3 requests in flight, and 3 reached"),
                            "Never more than 3 requests were in flight, and 10 of them took nearer 4 rounds (3 at a"
                                    + " time) than 10 (one at a time).")),
            example("example.wait-for", "wait_for gives up at its timeout",
                    "the seed's Timeout Handling pattern",
                    "# Wait maximum 3 seconds — asyncio.wait_for(slow_operation(), timeout=3.0)",
                    ChartNames.EXAMPLES,
                    new ExampleRule("timeout", 3, "the timeout", 10, "the operation's own 10", new ExampleRule.Exact(
                            "timedOut", 1, "a TimeoutError"),
                            "The 10-unit operation was cancelled at about its 3-unit timeout.")),
            example("example.blocking-call", "a blocking call stalls the loop",
                    "the seed's Common Pitfalls, 1: Blocking the Event Loop",
                    "time.sleep is synchronous — every other coroutine stalls for 5s.",
                    ChartNames.HEARTBEAT_BLOCKING,
                    blockingCall()),
            example("example.cpu-offload", "CPU work offloaded keeps the loop responsive",
                    "the seed's Common Pitfalls, 3: CPU-Bound Tasks",
                    "run_in_executor lets the event loop keep serving I/O tasks.",
                    ChartNames.HEARTBEAT_CPU_HOG,
                    cpuOffload()),
            example("example.gather-vs-sequential", "gather beats sequential awaits",
                    "the seed's Performance Tips, 1",
                    "Use asyncio.gather() for concurrent execution",
                    ChartNames.EXAMPLES,
                    gatherVsSequential()),
            example("example.connection-pooling", "connection pooling beats a new connection per request",
                    "the seed's Performance Tips, 3",
                    "Use connection pooling for network requests",
                    ChartNames.POOLING,
                    pooling()));

    private SeedClaims() {
    }

    /** Every claim, table rows first, in the seed's order. */
    public static List<Claim> all() {
        return ALL;
    }

    /** The claim with this id. */
    public static Optional<Claim> byId(String id) {
        return ALL.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Judges every claim against one run, in {@link #all()} order. */
    public static List<ClaimResult> judge(RunData data) {
        return ALL.stream().map(c -> c.judge(data)).toList();
    }

    /** {@link #judge}, with each claim's deciding numbers kept apart for display. */
    public static List<Claim.Assessment> assess(RunData data) {
        return ALL.stream().map(c -> c.assess(data)).toList();
    }

    private static Claim example(String id, String title, String source, String quote, String chart, Rule rule) {
        return new Claim(id, title, source, quote, null, List.of(png(chart)), rule, null);
    }

    private static Query heartbeat(String model, String disturbance, String metric) {
        return Query.of("preemption", model, metric, "disturbance=" + disturbance);
    }

    private static Labeled at(String label, Query q) {
        return new Labeled(label, q);
    }

    /**
     * The heartbeat claims compare worst lateness ({@code lateness.max}): a stall's length is the
     * worst delay it causes, measured once over the whole run, and compared between two models
     * under the same disturbance in the same run.
     */
    private static final String WORST = "lateness.max";

    private static Rule concurrencyModel(Cast c) {
        String loop = c.loop();
        String pool = c.pool();
        List<Labeled> context = new java.util.ArrayList<>(List.of(
                at(loop + " worst lateness, undisturbed", heartbeat(loop, "none", WORST)),
                at(pool + " worst lateness, undisturbed", heartbeat(pool, "none", WORST)),
                at(loop + " heartbeat p99 under a CPU hog", heartbeat(loop, "cpu-hog", "lateness.p99")),
                at(pool + " heartbeat p99 under a CPU hog", heartbeat(pool, "cpu-hog", "lateness.p99")),
                at(c.lightweight() + " worst lateness under a CPU hog", heartbeat(c.lightweight(), "cpu-hog", WORST))));
        if (c.jvm()) {
            context.add(at("virtual (1 carrier) worst lateness under a CPU hog",
                    heartbeat(VIRTUAL.id(), "cpu-hog", WORST).with(CarrierFlags.PARAM, "1")));
        }
        return new RatioRule(
                at(loop + " worst heartbeat lateness under a CPU hog", heartbeat(loop, "cpu-hog", WORST)),
                at(pool + " worst heartbeat lateness under a CPU hog", heartbeat(pool, "cpu-hog", WORST)),
                STALL, NO_STALL, "a hog that never yields stalls a cooperative loop but not preemptively scheduled threads",
                "A CPU hog that never awaits held the loop's 10 ms heartbeat back, while the OS kept preempting "
                        + c.threads() + " so theirs stayed on time (%s)." + (c.jvm() ? " Virtual threads are not"
                        + " time-sliced by the JVM: see their rows, notably on one carrier."
                        : " The GIL changes hands every switch interval, so a hog thread only delays the heartbeat"
                        + " thread by about that."),
                "A CPU hog did not stall the loop's heartbeat more than the threads' (%s).",
                context,
                List.of(new Stall(heartbeat(loop, "cpu-hog", WORST), true, "a hog stalls the loop"),
                        new Stall(heartbeat(pool, "cpu-hog", WORST), false,
                                "the OS keeps preempting threads, so a hog stalls none of the others")),
                LOOP_HOG_CONSTRUCTION);
    }

    /**
     * Why the loop's side of a CPU-hog ratio is fixed: the hog is one callback that holds the loop
     * thread for the whole shot, so the loop's worst lateness is the shot's length.
     */
    static final String LOOP_HOG_CONSTRUCTION = "the loop's worst lateness under a CPU hog equals the shot's"
            + " durationMs (the hog is one callback that runs for the whole shot and never awaits), so the loop's"
            + " side of this ratio is fixed; what varies, and what the ratio tests, is the other side's lateness";

    private static Rule blockingCall() {
        return new RatioRule(
                at("eventloop worst lateness, blocking sleep", heartbeat(EVENTLOOP.id(), "blocking-sleep", WORST)),
                at("platform-pool worst lateness, blocking sleep", heartbeat(PLATFORM_POOL.id(), "blocking-sleep", WORST)),
                STALL, NO_STALL, "a blocking sleep on the loop thread delays every callback by the sleep's length; on a thread"
                        + " pool it blocks one thread",
                "A blocking sleep inside a loop task froze the whole loop: its heartbeat came %s later than the"
                        + " thread pool's under the same blocking call, which blocks only its own thread.",
                "A blocking sleep on the loop did not delay its heartbeat clearly more than on threads (%s).",
                List.of(at("eventloop worst lateness, undisturbed", heartbeat(EVENTLOOP.id(), "none", WORST)),
                        at("eventloop heartbeat p50, blocking sleep",
                                heartbeat(EVENTLOOP.id(), "blocking-sleep", "lateness.p50")),
                        at("virtual worst lateness, blocking sleep", heartbeat(VIRTUAL.id(), "blocking-sleep", WORST))),
                List.of(new Stall(heartbeat(EVENTLOOP.id(), "blocking-sleep", WORST), true, "a blocking sleep stalls the loop"),
                        new Stall(heartbeat(PLATFORM_POOL.id(), "blocking-sleep", WORST), false,
                                "a blocking call on a thread pool blocks only its own thread")),
                null);
    }

    private static Rule cpuOffload() {
        return new RatioRule(
                at("eventloop worst lateness, CPU work inline", heartbeat(EVENTLOOP.id(), "cpu-hog", WORST)),
                at("eventloop+offload worst lateness, CPU work offloaded",
                        heartbeat(EVENTLOOP_OFFLOAD.id(), "cpu-hog", WORST)),
                STALL, NO_STALL, "offloading must remove the stall that inline CPU work causes",
                "With the CPU work sent to an executor the heartbeat stayed on time; inline it was %s later.",
                "Offloading did not keep the heartbeat clearly more on time (%s).",
                List.of(at("eventloop+offload worst lateness, undisturbed",
                        heartbeat(EVENTLOOP_OFFLOAD.id(), "none", WORST))),
                List.of(new Stall(heartbeat(EVENTLOOP.id(), "cpu-hog", WORST), true, "inline CPU work stalls the loop"),
                        new Stall(heartbeat(EVENTLOOP_OFFLOAD.id(), "cpu-hog", WORST), false,
                                "offloading CPU work keeps the loop responsive")),
                LOOP_HOG_CONSTRUCTION);
    }

    private static Rule gatherVsSequential() {
        Query elapsed = Query.of("examples", EVENTLOOP.id(), "elapsedUnits", "example=sequential");
        return new RatioRule(at("sequential awaits elapsed", elapsed),
                at("gather elapsed", Query.of("examples", EVENTLOOP.id(), "elapsedUnits", "example=gather")),
                GATHER_GAIN, NO_GATHER_GAIN, "awaiting 2, 1, 3 in turn takes their sum, 6; gather takes the longest, 3: 2 x",
                "gather ran the three waits at once: sequential awaits took %s as long.",
                "gather was not clearly faster than sequential awaits (%s).", List.of());
    }

    private static Rule pooling() {
        Query pooled = Query.of("pooling", EVENTLOOP.id(), "request", "connections=pooled");
        Query fresh = Query.of("pooling", EVENTLOOP.id(), "request", "connections=new-per-request");
        return new RatioRule(at("eventloop, new connection per request", fresh),
                at("eventloop, pooled connection", pooled), POOLING_GAIN, NO_POOLING_GAIN,
                "a new TCP connection costs a handshake and a socket per request",
                "Reusing a connection was faster: a new connection per request took %s as long.",
                "A new connection per request was not clearly slower than a pooled one (%s).",
                List.of(at("virtual, new connection per request", fresh.withModel(VIRTUAL.id())),
                        at("virtual, pooled connection", pooled.withModel(VIRTUAL.id()))));
    }
}
