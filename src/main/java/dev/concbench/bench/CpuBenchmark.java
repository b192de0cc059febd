package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;

import dev.concbench.metrics.HostCpu;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.model.TaskResult;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The table's "Best For" and "GIL Impact" rows: asyncio is no help for CPU-bound work (one thread
 * runs every coroutine); Python threads are limited by the GIL; the fix is a process pool.
 *
 * <p>A fixed total of {@code totalBurn} iterations of the seed's {@code i * i} loop is split evenly over
 * {@code workers} tasks of the model; the score (single shot) is the time until all finished. The
 * speed-up over one worker is {@code time(1) / time(N)}. The platform pool gets {@code poolSize =
 * workers}, the process pool {@code workers} worker JVMs. Expect the loop flat at 1x (one thread),
 * threads and virtual threads scaling up to the number of cores (the JVM has no GIL), the process
 * pool likewise after paying its round trips.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CpuBenchmark {

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "platform-pool", "virtual", "process-pool", "eventloop+offload", "netty"})
    public String model;

    /** How many tasks share the work. */
    @Param({"1", "2", "4", "8"})
    public int workers;

    /** Where {@code eventloop+offload} sends the burn: {@code process} or {@code threads}; {@code executor} for {@code netty}. */
    @Param("process")
    public String offload;

    /** The total burn, in loop iterations, whatever the number of workers. */
    @Param("100000000")
    public long totalBurn;

    private ModelSession session;

    @Setup(Level.Trial)
    public void start() {
        Map<String, String> params = switch (ModelKind.require(model)) {
            case PLATFORM_POOL -> Map.of(ModelParams.POOL_SIZE, Integer.toString(workers));
            case PROCESS_POOL -> Map.of(ModelParams.WORKERS, Integer.toString(workers));
            case EVENTLOOP_OFFLOAD -> Map.of(ModelParams.OFFLOAD, offload, ModelParams.WORKERS, Integer.toString(workers));
            // netty offloads only when the scenario says offload=executor (the parameter's default is eventloop+offload's)
            case NETTY -> offload.equals(ModelParams.OFFLOAD_EXECUTOR)
                    ? Map.of(ModelParams.OFFLOAD, offload, ModelParams.WORKERS, Integer.toString(workers)) : Map.of();
            default -> Map.of();
        };
        // the plain loop burns on its own thread by design; offloading claims to keep the loop free
        session = new ModelSession(model, params, 0, model.equals(EVENTLOOP_OFFLOAD.id()) || params.containsKey(ModelParams.OFFLOAD));
    }

    @TearDown(Level.Iteration)
    public void publish() {
        session.publishGuards();
    }

    @TearDown(Level.Trial)
    public void stop() {
        session.close();
    }

    /**
     * The share of the CPUs a shot needs that other processes may take before the shot is guarded
     * {@code cpu-contended}: beyond it, a speed-up (or its absence) measures what the machine left
     * us, not the model (a quick run while other jobs held a core showed platform threads "as
     * serialised as a GIL"). CPUs the shot does not need are the others' to use.
     */
    static final double CONTENDED_SHARE = 0.25;

    private final int cores = Runtime.getRuntime().availableProcessors();

    /**
     * The share of the machine other processes may take during a shot before it counts as contended:
     * the CPUs this shot does not use, plus {@link #CONTENDED_SHARE} of those it does. A shot on all
     * cores tolerates 25% of the machine; one worker on 2 cores tolerates the other core and a quarter
     * of its own (62.5%), since another process on the idle core does not slow it. The plain loop (and
     * any model that burns inline on its one thread) uses one CPU whatever {@code workers} says.
     * The CPython side computes the same ({@code python/concbench_py/cpu.py}; {@code CPythonSideTest} checks).
     */
    public static double toleratedOthersShare(int cpusUsed, int cores) {
        int used = Math.max(1, Math.min(cpusUsed, cores));
        return ((cores - used) + CONTENDED_SHARE * used) / cores;
    }

    private int cpusUsed() {
        ModelKind kind = ModelKind.require(model);
        return kind == ModelKind.EVENTLOOP || kind == ModelKind.COROUTINES || kind == ModelKind.NETTY ? 1 : workers;
    }

    /** One shot: the total burn split over {@code workers} tasks; returns the combined checksum. */
    @Benchmark
    public long burn() {
        HostCpu before = HostCpu.read();
        long start = System.nanoTime();
        long checksum = burnShares();
        double others = HostCpu.read().othersShare(before, System.nanoTime() - start, cores);
        IterationMetrics.guard(Guard.CPU_CONTENDED, others > toleratedOthersShare(cpusUsed(), cores) ? 1 : 0);
        return checksum;
    }

    private long burnShares() {
        Workload share = new Workload.CpuBurn(totalBurn / workers);
        List<java.util.concurrent.CompletableFuture<TaskResult>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(session.submit(share));
        }
        long checksum = 0;
        for (var f : futures) {
            checksum += f.join().result().checksum();
        }
        return checksum;
    }
}
