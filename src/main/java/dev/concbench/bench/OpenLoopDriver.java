package dev.concbench.bench;

import dev.concbench.metrics.LatencyRecorder;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An open-loop load generator: offers requests at a constant rate whatever the system under test
 * does, and measures each request's latency from its intended send time, so a stall delays the
 * measurements it causes instead of hiding them (no coordinated omission).
 *
 * <p>The driver never waits on the model: its own platform thread only keeps the schedule and
 * hands each intended send time to a submitter thread, which starts the request on the model
 * ({@code send.get()}). A model slow to accept a task (a thread start, a full queue) delays the
 * submitter, and so the requests behind it, whose latencies still start at their intended times;
 * the schedule itself stays on time. A send the driver itself handed off more than
 * {@code lateThreshold} after its intended time (the OS kept the driver off the CPU) counts as
 * dropped; it is still sent and measured.
 *
 * <p>A shot is the sending period plus a drain window: a request that has not finished when the
 * window closes counts as not completed (the model did not sustain the rate). The shot then waits
 * for the stragglers, up to a limit ({@link #STRAGGLER_WAIT_NANOS} in benchmarks), and records their true latencies too, so
 * the next shot starts without this one's backlog. Throughput is the requests finished within the
 * window divided by the time from the first intended send to the last of those completions.
 *
 * <p>{@link #run} is called by one thread at a time; completions may arrive on any thread.
 */
final class OpenLoopDriver {

    /** How long a shot waits for requests still running after its drain window closed, in nanoseconds. */
    static final long STRAGGLER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * What one shot of the driver saw.
     *
     * @param sent         requests handed off for sending
     * @param completed    requests that completed normally within the drain window
     * @param failed       requests that failed within the drain window
     * @param notCompleted requests that had not finished when the drain window closed
     * @param dropped      sends the driver handed off later than the threshold
     * @param seconds      from the first intended send to the last completion within the window
     *                     (or the window's end, when requests were still running), in seconds
     */
    record Tally(long sent, long completed, long failed, long notCompleted, long dropped, double seconds) {

        /** Requests completed normally per second of the shot. */
        double throughput() {
            return seconds > 0 ? completed / seconds : 0;
        }
    }

    /** How often the driver looks whether the shot's requests finished, in nanoseconds. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Hands a send's intended time from the driver to the submitter; the sentinel ends a shot. */
    private static final long END = Long.MIN_VALUE;

    private final LatencyRecorder log;
    private final LongSupplier nanoClock;
    private final long stragglerWaitNanos;

    /**
     * @param log       where latencies go, in nanoseconds from the intended send time
     * @param nanoClock the time source, in nanoseconds (monotonic)
     * @param stragglerWaitNanos how long a shot waits after its drain window for the requests still
     *                  running, in nanoseconds; what finishes later is recorded nowhere
     */
    OpenLoopDriver(LatencyRecorder log, LongSupplier nanoClock, long stragglerWaitNanos) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.stragglerWaitNanos = stragglerWaitNanos;
    }

    /**
     * One shot: offers {@code send.get()} at {@code ratePerSecond} for {@code durationNanos}, then
     * waits up to {@code drainNanos} after the last intended send for the requests to finish.
     *
     * @param lateThresholdNanos how late a send may be handed off before it counts as dropped, in nanoseconds
     * @param drainNanos         the drain window after the sending period, in nanoseconds
     * @param send               starts one request on the model; may block (the driver does not wait for it)
     */
    Tally run(double ratePerSecond, long durationNanos, long lateThresholdNanos, long drainNanos,
            Supplier<CompletableFuture<?>> send) throws InterruptedException {
        long period = Math.max(1, Math.round(1e9 / ratePerSecond));
        Shot shot = new Shot();
        BlockingQueue<Long> handOff = new LinkedBlockingQueue<>();
        Thread submitter = Thread.ofPlatform().name("concbench-open-loop-submitter").daemon().start(
                () -> submitAll(handOff, send, shot));
        long start = nanoClock.getAsLong();
        long sent = 0;
        long dropped = 0;
        long lastIntended = start;
        for (long intended = start; intended - start < durationNanos; intended += period) {
            long now = nanoClock.getAsLong();
            if (intended > now) {
                LockSupport.parkNanos(intended - now);
                now = nanoClock.getAsLong();
            }
            if (now - intended > lateThresholdNanos) {
                dropped++;
            }
            handOff.add(intended);
            lastIntended = intended;
            sent++;
        }
        handOff.add(END);
        long windowEnd = lastIntended + drainNanos;
        shot.windowEnd = windowEnd;
        shot.awaitFinished(sent, windowEnd, nanoClock);
        long finishedInWindow = shot.inWindow.get();
        long completed = shot.completedInWindow.get();
        long lastCompletion = shot.lastCompletionInWindow.get();
        long end = finishedInWindow < sent ? windowEnd : Math.max(lastCompletion, start);
        shot.awaitFinished(sent, windowEnd + stragglerWaitNanos, nanoClock);
        shot.closed = true;
        submitter.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(stragglerWaitNanos)));
        return new Tally(sent, completed, finishedInWindow - completed, sent - finishedInWindow, dropped,
                (end - start) / 1e9);
    }

    /** The submitter's loop: start each handed-off request, measured from its intended time. */
    private void submitAll(BlockingQueue<Long> handOff, Supplier<CompletableFuture<?>> send, Shot shot) {
        try {
            for (long intended; (intended = handOff.take()) != END; ) {
                long due = intended;
                CompletableFuture<?> f;
                try {
                    f = send.get();
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                f.whenComplete((r, e) -> shot.finished(due, e == null, nanoClock.getAsLong()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The completions of one shot; any thread. */
    private final class Shot {
        final AtomicLong finished = new AtomicLong();
        final AtomicLong inWindow = new AtomicLong();
        final AtomicLong completedInWindow = new AtomicLong();
        final AtomicLong lastCompletionInWindow = new AtomicLong(Long.MIN_VALUE);
        /** Set by the driver once the sending ends; until then every completion is within the window. */
        volatile long windowEnd = Long.MAX_VALUE;
        /** Set once the shot gave up on its stragglers: their completions belong to no shot. */
        volatile boolean closed;

        void finished(long intended, boolean normally, long now) {
            if (closed) {
                return;
            }
            log.record(now - intended);
            if (now <= windowEnd) {
                inWindow.incrementAndGet();
                if (normally) {
                    completedInWindow.incrementAndGet();
                }
                lastCompletionInWindow.accumulateAndGet(now, Math::max);
            }
            finished.incrementAndGet();
        }

        /**
         * Waits until {@code sent} requests finished or the clock passes {@code deadline}, polling
         * every millisecond: a completion on the model's thread takes no lock the driver holds.
         */
        void awaitFinished(long sent, long deadline, LongSupplier clock) throws InterruptedException {
            for (long now; finished.get() < sent && (now = clock.getAsLong()) < deadline; ) {
                LockSupport.parkNanos(Math.min(deadline - now, POLL_NANOS));
                if (Thread.interrupted()) {
                    throw new InterruptedException("open-loop driver interrupted while draining");
                }
            }
        }
    }
}
