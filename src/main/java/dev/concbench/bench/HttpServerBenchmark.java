package dev.concbench.bench;

import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.metrics.CompilerCpu;
import dev.concbench.metrics.HostCpu;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.server.DelayServerProcess;
import dev.concbench.server.ServerImpl;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Our loop as a server against Netty's: every {@code eventloop} verdict is a verdict on our loop,
 * so it must hold its own against the loop Java engineers actually use (issue 12).
 *
 * <p>The server under test runs in its own JVM ({@link DelayServerProcess}): ours for
 * {@code eventloop}, the same routes on one Netty NIO loop thread for {@code netty}; a run starts it
 * once per plan item and hands it to each trial ({@link GivenServer}: one server per model across a
 * rate sweep, warmed once), else the trial starts its own. This JVM is the
 * load generator ({@link HttpLoad}: our non-blocking client on its own loop) asking for {@code /}
 * over {@code connections} keep-alive connections: closed loop when {@code rate} is 0 (each
 * connection sends its next request when the answer came), else open loop at {@code rate} requests
 * per second, latency from each intended send time. Metrics: {@code throughput} (answers per
 * second), {@code cpuPerRequest} (the server process's user+system CPU per answer, from
 * {@code /proc/PID/stat}, in microseconds) and latency percentiles. Expect ours at or below Netty's
 * CPU per request; closed-loop throughput is bounded by this generator as much as by the server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HttpServerBenchmark {

    /** How late an open-loop send may leave (at least; one period at low rates) before it counts as dropped. */
    static final long LATE_NANOS = IoLoadBenchmark.LATE_NANOS;

    /** One slice of the untimed closed-loop warm-up each freshly started server gets, in nanoseconds. */
    static final long WARM_UP_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * The warm-up rule, the same for both servers: 1 s slices until, for 3 slices in a row, the
     * server's CPU per request has not fallen 10% below its best and its JIT compiler threads took at
     * most 20% of its CPU; at least 3 s (fewer when the cap is lower),
     * at most {@code warmUpMaxS} (measured on 2026-12-02: ours was steady after about 10 s, Netty
     * after about 14 s, at load 3.4-5.4).
     */
    static WarmUp warmUpRule(int maxSlices) {
        return new WarmUp(Math.min(3, maxSlices), maxSlices, 3, 0.1, 0.2);
    }

    /** Which server: {@code eventloop} is ours, {@code netty} Netty's. */
    @Param({"eventloop", "netty"})
    public String model;

    /** Keep-alive connections to the server. */
    @Param("50")
    public int connections;

    /** Requests per second in open loop; 0 for closed loop. */
    @Param("0")
    public int rate;

    /** The longest untimed warm-up a freshly started server gets, in seconds (see {@link #warmUpRule}). */
    @Param("20")
    public int warmUpMaxS;

    /** How long the load runs per invocation, in milliseconds. */
    @Param("500")
    public int durationMs;

    /** The server this trial measures: the run's for this item ({@link GivenServer}), or its own child JVM. */
    private GivenServer server;
    /** The server JVM this trial started itself (when the run gave none), stopped at the trial's end; else null. */
    private DelayServerProcess own;
    private HttpLoad load;
    private LatencyRecorder log;
    private WarmUp.Outcome warmedUp;

    @Setup(Level.Trial)
    public void start() throws Exception {
        start(GivenServer.fromSystemProperties());
    }

    /**
     * Starts the trial on {@code given} (the server the run keeps for this item's trials, warmed by the
     * trials before) or, when empty, on a server JVM of its own, started cold.
     */
    void start(Optional<GivenServer> given) throws Exception {
        ServerImpl impl = serverFor(model);
        if (given.isPresent()) {
            if (given.get().impl() != impl) {
                throw new IllegalStateException("model " + model + " serves with " + impl.id() + ", but the run gave this fork a "
                        + given.get().impl().id() + " server (-D" + GivenServer.PROPERTY + ")");
            }
            server = given.get();
        } else {
            own = DelayServerProcess.start(impl, List.of(), DelayServerProcess.Placement.fromSystemProperties());
            server = new GivenServer(impl, own.address(), own.pid());
        }
        // the log says whose it is in its header; the report groups spectra by rate (0: closed loop)
        Map<String, String> logParams = new LinkedHashMap<>();
        logParams.put("connections", Integer.toString(connections));
        logParams.put("rate", Integer.toString(rate));
        log = new LatencyRecorder(new LogIdentity("http-server", model, logParams, "rate"));
        // the warm-up's latencies are recorded nowhere that is written
        load = new HttpLoad(server.address(), connections, new LatencyRecorder(log.identity()));
        // a server JVM starts cold: both get untimed load until their CPU per request stops falling,
        // so the rows compare compiled servers, not how far each JIT got (Netty's larger code path
        // takes longer to compile); this also warms the generator in this JVM. A server the run kept
        // from an earlier trial of the item gets the same rule, and is steady within its first slices
        warmedUp = warmUpRule(warmUpMaxS).run(this::warmUpSlice);
        load.close();
        load = new HttpLoad(server.address(), connections, log);
    }

    @TearDown(Level.Iteration)
    public void publish() {
        LatencyPublisher.publish("latency.", log.endInterval(), new double[] {50, 99}, true);
        warmedUp.publish(WARM_UP_SLICE_NANOS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        load.close();
        if (own != null) {
            own.close();
        }
        try {
            log.writeIfConfigured();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One shot: {@code durationMs} of load; returns the requests answered. */
    @Benchmark
    public long serve() throws InterruptedException {
        long durationNanos = TimeUnit.MILLISECONDS.toNanos(durationMs);
        long ticksBefore = HostCpu.processTicks(server.pid());
        HttpLoad.Tally t = rate == 0
                ? load.closedLoop(connections, durationNanos)
                : load.openLoop(rate, durationNanos, Math.max(Math.round(1e9 / rate), LATE_NANOS));
        long ticks = HostCpu.processTicks(server.pid()) - ticksBefore;
        IterationMetrics.publish("throughput", t.completed() / t.seconds(), "req/s");
        IterationMetrics.publish("cpuPerRequest", t.completed() == 0 ? 0 : perRequestMicros(ticks, t.completed()), "us");
        if (rate > 0) {
            IterationMetrics.publish("dropped", t.dropped(), "count");
            IterationMetrics.guard(Guard.DROPPED,
                    t.dropped() > t.sent() * IoLoadBenchmark.DROPPED_GUARD_SHARE ? t.dropped() : 0);
        }
        IterationMetrics.guard(Guard.FAILED_TASKS, t.sent() - t.completed());
        return t.completed();
    }

    /**
     * One closed-loop slice of the warm-up: the server's CPU per answer, in microseconds (NaN when
     * none came), and the share of it the server's JIT compiler threads took.
     */
    private WarmUp.Sample warmUpSlice() {
        CompilerCpu before = CompilerCpu.of(server.pid());
        HttpLoad.Tally t = load.closedLoop(connections, WARM_UP_SLICE_NANOS);
        CompilerCpu after = CompilerCpu.of(server.pid());
        long ticks = after.processTicks() - before.processTicks();
        return new WarmUp.Sample(t.completed() == 0 ? Double.NaN : perRequestMicros(ticks, t.completed()),
                after.compileShareSince(before));
    }

    private static double perRequestMicros(long ticks, long requests) {
        return ticks * 1e6 / HostCpu.TICKS_PER_SECOND / requests;
    }

    /** The server a model name stands for in this scenario. */
    static ServerImpl serverFor(String model) {
        return switch (ModelKind.require(model)) {
            case EVENTLOOP -> ServerImpl.LOOP;
            case NETTY -> ServerImpl.NETTY;
            default -> throw new IllegalArgumentException("the http-server scenario serves with eventloop or netty, not '"
                    + model + "'");
        };
    }
}
