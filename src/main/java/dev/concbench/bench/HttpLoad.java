package dev.concbench.bench;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopOptions;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.workload.http.HttpResponse;
import dev.concbench.workload.http.LoopConnectionPool;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The http-server scenario's load generator: our own non-blocking HTTP client (a
 * {@link LoopConnectionPool} of keep-alive connections on an {@link EventLoop} of its own), in the
 * benchmark's JVM, so neither server shares a process or a loop with the load it serves.
 *
 * <p>Closed loop: {@code connections} requests in flight, each followed by the next as soon as its
 * response arrived (wrk's model). Open loop: {@link OpenLoopDriver} sends at a constant rate from
 * its own thread and measures from each intended send time.
 *
 * <p>Lifecycle: created in a trial set-up, closed in its tear-down; used by the benchmark thread.
 */
final class HttpLoad implements AutoCloseable {

    /** The path every request asks for: the server's constant banner, as wrk's comparison does. */
    static final String PATH = "/";
    /** The longest a request may take before it counts as failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * What one run of the generator saw.
     *
     * @param sent      requests started
     * @param completed requests answered with 200
     * @param dropped   open loop: sends that left later than the threshold; 0 in closed loop
     * @param seconds   the sending period, in seconds
     */
    record Tally(long sent, long completed, long dropped, double seconds) {}

    /** How long an open-loop shot waits after its last send for the answers, in nanoseconds. */
    static final long DRAIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final EventLoop loop;
    private final LoopConnectionPool pool;
    private final LatencyRecorder log;

    /**
     * @param server      where the server under load listens
     * @param connections the most keep-alive connections open at once
     * @param log         where latencies go, in nanoseconds
     */
    HttpLoad(InetSocketAddress server, int connections, LatencyRecorder log) {
        this.loop = EventLoop.start(LoopOptions.defaults().withThreadName("http-load").withInjectedSpinNanos(0));
        this.pool = loop.submit(() -> loop.completed(new LoopConnectionPool(loop, server, connections, TIMEOUT))).join();
        this.log = log;
    }

    /** Keeps {@code inFlight} requests going for {@code durationNanos}, then waits for the last answers. */
    Tally closedLoop(int inFlight, long durationNanos) {
        return loop.submit(() -> new ClosedLoop(inFlight, durationNanos).done).join();
    }

    /**
     * Sends at {@code ratePerSecond} for {@code durationNanos}, then waits {@link #DRAIN_NANOS} for the
     * answers; throughput counts what completed within that window.
     */
    Tally openLoop(int ratePerSecond, long durationNanos, long lateThresholdNanos) throws InterruptedException {
        OpenLoopDriver.Tally t = new OpenLoopDriver(log, System::nanoTime, OpenLoopDriver.STRAGGLER_WAIT_NANOS)
                .run(ratePerSecond, durationNanos, lateThresholdNanos, DRAIN_NANOS,
                        () -> loop.submit(() -> pool.get(PATH).map(HttpLoad::requireOk)));
        return new Tally(t.sent(), t.completed(), t.dropped(), t.seconds());
    }

    @Override
    public void close() {
        loop.submit(() -> {
            pool.close();
            return loop.completed(null);
        }).join();
        loop.close();
    }

    private static HttpResponse requireOk(HttpResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException("server answered " + response.status() + " to GET " + PATH);
        }
        return response;
    }

    /** {@code inFlight} chains of request-after-response on the load loop. Loop thread only. */
    private final class ClosedLoop {

        final LoopFuture<Tally> done = loop.newFuture();
        private final long start = loop.now();
        private final long deadline;
        private int active;
        private long sent;
        private long completed;

        ClosedLoop(int inFlight, long durationNanos) {
            deadline = start + durationNanos;
            active = inFlight;
            for (int i = 0; i < inFlight; i++) {
                next();
            }
        }

        private void next() {
            long sentAt = loop.now();
            if (sentAt - deadline >= 0) {
                if (--active == 0) {
                    done.complete(new Tally(sent, completed, 0, (sentAt - start) / 1e9));
                }
                return;
            }
            sent++;
            pool.get(PATH).onDone(f -> {
                log.record(loop.now() - sentAt);
                if (f.exception() == null && f.result().status() == 200) {
                    completed++;
                }
                next();
            });
        }
    }
}
