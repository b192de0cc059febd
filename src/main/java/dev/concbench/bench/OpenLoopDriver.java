package dev.concbench.bench;

import dev.concbench.metrics.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An open-loop load generator: sends at a constant rate whatever the system under test does, and
 * measures each request's latency from its intended send time, so a stall delays the measurements
 * it causes instead of hiding them (no coordinated omission). It runs on its own platform thread,
 * never on the model it measures.
 *
 * <p>A send that goes out more than {@code lateThreshold} after its intended time is counted as
 * dropped (the driver could not keep the schedule); it is still sent and measured.
 *
 * <p>{@link #run} is called by one thread at a time; completions may arrive on any thread.
 */
final class OpenLoopDriver {

    /**
     * What one run of the driver saw.
     *
     * @param sent      requests started
     * @param completed requests that completed normally
     * @param dropped   sends that left later than the threshold
     * @param seconds   the sending period, in seconds
     */
    record Tally(long sent, long completed, long dropped, double seconds) {}

    private final LatencyRecorder log;
    private final LongSupplier nanoClock;

    /**
     * @param log       where latencies go, in nanoseconds from the intended send time
     * @param nanoClock the time source, in nanoseconds (monotonic)
     */
    OpenLoopDriver(LatencyRecorder log, LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
    }

    /**
     * Sends {@code send.get()} at {@code ratePerSecond} for {@code durationNanos}, then waits for
     * every request to finish.
     *
     * @param lateThresholdNanos how late a send may leave before it counts as dropped, in nanoseconds
     */
    Tally run(double ratePerSecond, long durationNanos, long lateThresholdNanos, Supplier<CompletableFuture<?>> send) {
        long period = Math.max(1, Math.round(1e9 / ratePerSecond));
        long start = nanoClock.getAsLong();
        long sent = 0;
        long dropped = 0;
        AtomicLong completed = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long intended = start; intended - start < durationNanos; intended += period) {
            long now = nanoClock.getAsLong();
            if (intended > now) {
                LockSupport.parkNanos(intended - now);
                now = nanoClock.getAsLong();
            }
            if (now - intended > lateThresholdNanos) {
                dropped++;
            }
            long due = intended;
            inFlight.add(send.get().whenComplete((r, e) -> {
                log.record(nanoClock.getAsLong() - due);
                if (e == null) {
                    completed.incrementAndGet();
                }
            }));
            sent++;
        }
        double seconds = (nanoClock.getAsLong() - start) / 1e9;
        for (CompletableFuture<?> f : inFlight) {
            f.handle((r, e) -> null).join();
        }
        return new Tally(sent, completed.get(), dropped, seconds);
    }
}
