package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.COROUTINES;
import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.vocab.CarrierFlags;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.Burn;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The table's "Concurrency Model" row: asyncio is "cooperative — tasks yield at await points",
 * threads are "preemptive — the OS schedules threads anywhere"; and the seed's pitfalls, a blocking
 * call and a CPU-bound loop stall the event loop.
 *
 * <p>A heartbeat task of the model wants to run every 10 ms for {@code durationMs}; beside it run
 * as many disturbing tasks of the same model as there are cores: nothing ({@code none}), a busy CPU
 * loop ({@code cpu-hog}), or a blocking {@code Thread.sleep} ({@code blocking-sleep}). The metrics
 * are the heartbeat's lateness percentiles. Expect platform threads on time under both (the kernel
 * preempts the hogs), virtual threads on time beside sleeps but late beside hogs once every carrier
 * is held (they are not time-sliced; with one carrier, one hog is enough), and the event loop (ours
 * or Netty's) late by the length of whatever callback blocks it.
 *
 * <p>By construction, the plain loop's worst lateness under {@code cpu-hog} is the shot's
 * {@code durationMs}: each hog is one callback that burns for the whole shot and never awaits, so
 * the heartbeat's timer cannot fire until the shot is over. That figure is fixed by the benchmark,
 * not measured; what a comparison with it tests is the other side (the threads', the offloaded
 * loop's lateness).
 *
 * <p>Each shot publishes its own percentiles and maximum, so {@code lateness.max} is the mean of the
 * per-shot maxima with its error across shots ({@code samples} = shots). The stall guards are
 * symmetric: a loop blocked past the slow-callback threshold is {@code loop-blocked} where the loop
 * claims to stay responsive, and a thread model's heartbeat thread left unscheduled past the same
 * threshold in at least 2 shots is {@code thread-stalled} (the thread models claim to stay
 * responsive under every disturbance: the kernel preempts).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PreemptionBenchmark extends TaskBenchmark {

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "eventloop+offload", "virtual", "platform-pool", "coroutines", "netty"})
    public String model;

    /** What runs beside the heartbeat: {@code none}, {@code cpu-hog} or {@code blocking-sleep}. */
    @Param({"none", "cpu-hog", "blocking-sleep"})
    public String disturbance;

    /**
     * Where {@code eventloop+offload} sends the disturbing work: {@code threads} (or {@code process},
     * refused here); {@code executor} sends {@code netty}'s to a Netty executor group.
     */
    @Param("threads")
    public String offload;

    /** How long the heartbeat runs per invocation, in milliseconds. */
    @Param("300")
    public int durationMs;

    private final int disturbers = Runtime.getRuntime().availableProcessors();
    private final StallEvidence threadStalls = new StallEvidence();
    /** The heartbeat thread's stalls in the current shot (thread models). */
    private volatile int shotStalls;
    private LatencyRecorder log;
    private volatile long burnSink;


    public PreemptionBenchmark() {
        // one pool thread per disturber plus one for the heartbeat: a pool too small would starve
        // the heartbeat by queueing, which is not what this measures
        super(Runtime.getRuntime().availableProcessors() + 1);
    }

    @Override
    String modelName() {
        return model;
    }

    /** Where {@code eventloop+offload} hands the disturbing work: its model's offload pool, one thread per disturber. */
    private Executor offloadPool;

    @Override
    int offloadWorkers() {
        return disturbers;
    }

    /**
     * Where {@code netty} with {@code offload=executor} hands it: the model's own Netty executor group,
     * one thread per disturber ({@link #offloadWorkers()}).
     */
    private EventExecutorGroup nettyOffload;

    /** Whether this is {@code netty} handing the disturbing work to an executor group. */
    private boolean nettyOffloads() {
        return ModelKind.NETTY.is(model) && offload.equals(ModelParams.OFFLOAD_EXECUTOR);
    }

    @Override
    String nettyOffload() {
        return nettyOffloads() ? offload : null;
    }

    @Override
    void startTrial() {
        String carriers = System.getProperty(CarrierFlags.PARALLELISM);
        log = new LatencyRecorder(logIdentity(model, model.equals(VIRTUAL.id()) ? carriers : null, disturbance));
        if (model.equals(EVENTLOOP_OFFLOAD.id())) {
            if (!offload.equals(ModelParams.OFFLOAD_THREADS)) {
                throw new IllegalArgumentException("preemption offloads to threads only (offload=threads), not '" + offload + "'");
            }
            offloadPool = offloadExecutor().orElseThrow();
        }
        if (nettyOffloads()) {
            nettyOffload = offloadExecutor().filter(EventExecutorGroup.class::isInstance).map(EventExecutorGroup.class::cast)
                    .orElseThrow(() -> new IllegalStateException("model 'netty' with offload=executor has no executor group"));
        }
    }

    @Override
    boolean loopMustStayResponsive() {
        // the claim under test: offloading keeps the loop free; with nothing beside it, so should the plain loop
        return model.equals(EVENTLOOP_OFFLOAD.id()) || nettyOffloads() || disturbance.equals("none");
    }

    /**
     * Whose log this is: the model, the carriers of a virtual-thread fork that set them ({@code null}
     * for none) and the disturbance, swept by disturbance; the CPython side's preemption logs are named
     * by the same (run/CPythonLogs), so both runtimes share the heartbeat charts.
     */
    public static LogIdentity logIdentity(String model, String carriers, String disturbance) {
        Map<String, String> params = new LinkedHashMap<>();
        if (carriers != null) {
            params.put(CarrierFlags.PARAM, carriers);
        }
        params.put("disturbance", disturbance);
        return new LogIdentity("preemption", model, params, "disturbance");
    }

    @TearDown(Level.Iteration)
    public void publish() {
        LatencyPublisher.publish("lateness.", log.endInterval(), new double[] {50, 99}, true);
        if (ModelKind.require(model).onThreads()) {
            IterationMetrics.guard(Guard.THREAD_STALLED, threadStalls.endIteration(shotStalls));
        }
        shotStalls = 0;
    }

    @Override
    void stopTrial() throws IOException {
        log.writeIfConfigured();
    }

    /** One shot: the heartbeat for {@code durationMs} beside the disturbance. */
    @Benchmark
    public int heartbeat() throws InterruptedException {
        long durationNanos = TimeUnit.MILLISECONDS.toNanos(durationMs);
        if (COROUTINES.is(model)) {
            return loop.run(() -> LoopCoroutines.heartbeat(loop.loop(), new OpenLoopHeartbeat(log, System::nanoTime),
                    durationNanos, disturbance.equals("none") ? 0 : disturbers, this::disturb));
        }
        if (loop != null) {
            return heartbeatOnLoop(loop.loop(), durationNanos);
        }
        if (netty != null) {
            return heartbeatOnNetty(netty.loop(), durationNanos);
        }
        CountDownLatch done = new CountDownLatch(1 + (disturbance.equals("none") ? 0 : disturbers));
        int[] beats = new int[1];
        threads.execute(() -> {
            OpenLoopHeartbeat hb = new OpenLoopHeartbeat(log, System::nanoTime);
            while (hb.elapsedNanos() < durationNanos) {
                long wait = hb.nanosToNextBeat();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                beats[0] += hb.beat();
            }
            shotStalls = hb.stalls();
            done.countDown();
        });
        if (!disturbance.equals("none")) {
            long end = System.nanoTime() + durationNanos;
            for (int i = 0; i < disturbers; i++) {
                threads.execute(() -> {
                    disturb(end);
                    done.countDown();
                });
            }
        }
        done.await();
        return beats[0];
    }

    /**
     * The loop's heartbeat is a timer callback re-armed for the next beat; the disturbers are
     * callbacks on the same loop ({@code eventloop}) or work handed to the offload pool through
     * {@code runInExecutor} ({@code eventloop+offload}).
     */
    private int heartbeatOnLoop(EventLoop l, long durationNanos) {
        return loop.run(() -> {
            OpenLoopHeartbeat hb = new OpenLoopHeartbeat(log, System::nanoTime);
            LoopFuture<Integer> beating = l.newFuture();
            int[] beats = new int[1];
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                beats[0] += hb.beat();
                if (hb.elapsedNanos() < durationNanos) {
                    l.callLater(Duration.ofNanos(Math.max(0, hb.nanosToNextBeat())), tick[0]);
                } else {
                    beating.complete(beats[0]);
                }
            };
            l.callLater(Duration.ofNanos(hb.nanosToNextBeat()), tick[0]);
            List<LoopFuture<Object>> disturbing = new ArrayList<>();
            if (!disturbance.equals("none")) {
                long end = System.nanoTime() + durationNanos;
                for (int i = 0; i < disturbers; i++) {
                    if (offloadPool != null) {
                        disturbing.add(l.runInExecutor(offloadPool, () -> {
                            disturb(end);
                            return null;
                        }));
                    } else {
                        l.execute(() -> disturb(end));
                    }
                }
            }
            return beating.then(n -> l.gather(disturbing).map(ignored -> n));
        });
    }

    /**
     * Netty's heartbeat: a task {@code schedule}d on its loop for the next beat, re-armed by each
     * beat; the disturbers are tasks {@code execute}d on the same loop, as the plain loop's are, or
     * with {@code offload=executor} tasks {@code submit}ted to a Netty executor group, which the
     * heartbeat's task waits for (as {@code eventloop+offload}'s waits for its {@code runInExecutor}).
     */
    private int heartbeatOnNetty(io.netty.channel.EventLoop l, long durationNanos) {
        return netty.run(() -> {
            OpenLoopHeartbeat hb = new OpenLoopHeartbeat(log, System::nanoTime);
            Promise<Integer> beating = l.newPromise();
            int[] beats = new int[1];
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                beats[0] += hb.beat();
                if (hb.elapsedNanos() < durationNanos) {
                    l.schedule(tick[0], Math.max(0, hb.nanosToNextBeat()), TimeUnit.NANOSECONDS);
                } else {
                    beating.setSuccess(beats[0]);
                }
            };
            l.schedule(tick[0], hb.nanosToNextBeat(), TimeUnit.NANOSECONDS);
            List<Future<?>> disturbing = new ArrayList<>();
            if (!disturbance.equals("none")) {
                long end = System.nanoTime() + durationNanos;
                for (int i = 0; i < disturbers; i++) {
                    if (nettyOffload != null) {
                        disturbing.add(nettyOffload.next().submit(() -> disturb(end)));
                    } else {
                        l.execute(() -> disturb(end));
                    }
                }
            }
            Promise<Integer> done = l.newPromise();
            beating.addListener(b -> netty.gather(disturbing).addListener(d -> done.setSuccess(beats[0])));
            return done;
        });
    }

    private void disturb(long endNanos) {
        long sink = 0;
        while (System.nanoTime() < endNanos) {
            if (disturbance.equals("cpu-hog")) {
                sink += Burn.burn(100_000);
            } else {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        burnSink = sink; // consumed, so the JIT cannot drop the burn
    }
}
