package dev.concbench.bench;

import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import dev.concbench.metrics.IterationMetrics;
import dev.concbench.vocab.Guard;
import dev.concbench.workload.Workload;
import java.io.IOException;
import java.util.LinkedHashMap;
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
 * The table's "Best For" row, I/O side: asyncio is best for "I/O-bound tasks (network, disk,
 * sockets)".
 *
 * <p>An open-loop driver on its own thread offers {@code GET /delay/{delayMs}} to the delay server
 * (its own process) at {@code rate} requests per second for {@code durationMs}; each request is a
 * task of the model, started by a submitter thread so that a model slow to accept tasks never
 * delays the schedule ({@link OpenLoopDriver}). Latency is measured from each request's intended
 * send time; {@code notCompleted} counts the requests still running when the shot's drain window
 * ({@link #drainNanos}) closed; throughput is the requests completed within the window per second,
 * counted to the last completion, so a model that falls behind shows a throughput below the rate.
 * Sends the driver itself handed off more than 10 ms (or one period) late are counted as
 * {@code dropped}, and guard the rows when they are more than 5% of the sends.
 *
 * <p>Expect every model near {@code delayMs} at low rates. A pool of {@code poolSize} threads that
 * each hold a request for {@code delayMs} completes at most {@code poolSize * 1000 / delayMs}
 * requests per second (Little's law: 1,000 req/s for 100 threads and 100 ms); above that its queue
 * grows for the whole shot and its p99 climbs far past {@code 2 x delayMs}. The loop and virtual
 * threads hold a connection, not a thread, per request and go much further.
 *
 * <p>Each shot publishes its own percentiles, so {@code latency.p99} is the mean of the per-shot
 * p99 with its error across shots ({@code samples} = shots); {@code notCompleted} is an exact count
 * per shot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IoLoadBenchmark {

    /** How late a send may leave (at least; one period at low rates) before it counts as dropped. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * The share of late sends that guards a row: on a loaded 2-core machine the OS now and then
     * keeps the driver off the CPU for tens of milliseconds, and the sends due meanwhile go out
     * late together; that is noise the latencies already carry (they start at the intended time).
     * A driver late on more than this share did not offer the rate the row claims.
     */
    public static final double DROPPED_GUARD_SHARE = 0.05;

    /**
     * The shortest drain window after the last intended send, in nanoseconds: long enough that a
     * model keeping up finishes every request in it on a loaded machine.
     */
    static final long MIN_DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** The drain window is at least this many server delays. */
    static final int DRAIN_DELAYS = 5;

    /** How many connections the models may open: enough that the client pool is never the limit. */
    static final int CONNECTIONS = 512;

    /** The model under test; the values listed are the ones this build implements. */
    @Param({"eventloop", "virtual", "platform-pool", "thread-per-task", "coroutines", "netty"})
    public String model;

    /** Requests per second. */
    @Param("200")
    public int rate;

    /** The server-side delay of each request, in milliseconds. */
    @Param("10")
    public int delayMs;

    /** How long the driver sends per invocation, in milliseconds. */
    @Param("500")
    public int durationMs;

    /** The pool's size, for {@code platform-pool} only. */
    @Param("100")
    public int poolSize;

    private ModelSession session;
    private LatencyRecorder log;

    @Setup(Level.Trial)
    public void start() {
        Map<String, String> params = ModelSession.poolParams(model, poolSize);
        session = new ModelSession(model, params, CONNECTIONS, true);
        log = new LatencyRecorder(logIdentity(model, Integer.toString(delayMs), Integer.toString(rate)));
    }

    /**
     * Whose log this is: the model, the server delay (ms) and the rate (req/s), swept by rate; the CPython
     * side's io-load logs are named by the same (run/CPythonLogs), so both runtimes share the spectra.
     */
    public static LogIdentity logIdentity(String model, String delayMs, String rate) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("delayMs", delayMs);
        params.put("rate", rate);
        return new LogIdentity("io-load", model, params, "rate");
    }

    @TearDown(Level.Iteration)
    public void publish() {
        LatencyPublisher.publish("latency.", log.endInterval(), new double[] {50, 99, 99.9}, true);
        session.publishGuards();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        session.close();
        log.writeIfConfigured();
    }

    /**
     * The drain window after the last intended send, in nanoseconds: {@value #DRAIN_DELAYS} server
     * delays, at least {@link #MIN_DRAIN_NANOS}. A request still running when it closes was not
     * served at the offered rate.
     */
    static long drainNanos(int delayMs) {
        return Math.max(MIN_DRAIN_NANOS, TimeUnit.MILLISECONDS.toNanos((long) DRAIN_DELAYS * delayMs));
    }

    /** One shot: {@code durationMs} of sending at {@code rate}, then the drain window; returns the requests completed. */
    @Benchmark
    public long openLoop() throws InterruptedException {
        Workload request = new Workload.HttpGet("/delay/" + delayMs);
        long period = Math.round(1e9 / rate);
        OpenLoopDriver.Tally t = new OpenLoopDriver(log, System::nanoTime, OpenLoopDriver.STRAGGLER_WAIT_NANOS)
                .run(rate, TimeUnit.MILLISECONDS.toNanos(durationMs), Math.max(period, LATE_NANOS),
                        drainNanos(delayMs), () -> session.submit(request));
        IterationMetrics.publish("throughput", t.throughput(), "req/s");
        IterationMetrics.publish("notCompleted", t.notCompleted(), "count");
        IterationMetrics.publish("dropped", t.dropped(), "count");
        // a late send is still measured from its intended time, so its lateness is in the latencies;
        // only a driver that fell behind on a meaningful share of its sends offered a different load
        IterationMetrics.guard(Guard.DROPPED, t.dropped() > t.sent() * DROPPED_GUARD_SHARE ? t.dropped() : 0);
        IterationMetrics.guard(Guard.FAILED_TASKS, t.failed());
        return t.completed();
    }
}
