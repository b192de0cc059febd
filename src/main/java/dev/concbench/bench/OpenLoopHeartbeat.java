package dev.concbench.bench;

import dev.concbench.loop.LoopOptions;
import dev.concbench.metrics.LatencyRecorder;
import java.util.function.LongSupplier;

/**
 * A 10 ms heartbeat and how late each beat came: the beat intended at {@code start + k * period}
 * that ran at {@code t} is {@code t - intended} late. A beat that could not run at all while the
 * task was stalled is recorded when the task resumes, with its own (larger) lateness, so a stall
 * shows up as many late beats rather than one (no coordinated omission), as an open-loop load
 * generator measures from the intended send time. (The examples' {@code LoopHeartbeat} keeps only
 * the worst beat.)
 *
 * <p>A beat found more than {@link #STALL_NANOS} overdue means the heartbeat's thread went
 * unscheduled that long (a thread model's stall, the counterpart of a loop's slow callback): it is
 * counted once per stall ({@link #stalls}).
 *
 * <p>One heartbeat task calls {@link #beat} repeatedly; the time source is injected.
 */
final class OpenLoopHeartbeat {

    /** The heartbeat period, in nanoseconds. */
    static final long PERIOD_NANOS = 10_000_000L;

    /** How overdue a beat must be to count as a stall: the loop's slow-callback threshold, in nanoseconds. */
    static final long STALL_NANOS = LoopOptions.DEFAULT_SLOW_CALLBACK_THRESHOLD.toNanos();

    private final LatencyRecorder log;
    private final LongSupplier nanoClock;
    private final long start;
    private long nextIntended;
    private volatile int stalls;

    /**
     * @param log       where lateness goes, in nanoseconds
     * @param nanoClock the time source, in nanoseconds (monotonic)
     */
    OpenLoopHeartbeat(LatencyRecorder log, LongSupplier nanoClock) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.nextIntended = start + PERIOD_NANOS;
    }

    /** Nanoseconds from now until the next beat is due (<= 0 when it is due or overdue). */
    long nanosToNextBeat() {
        return nextIntended - nanoClock.getAsLong();
    }

    /** Records every beat that is due by now; returns how many. */
    int beat() {
        long now = nanoClock.getAsLong();
        int beats = 0;
        if (now - nextIntended > STALL_NANOS) {
            stalls++; // one writer: the heartbeat task
        }
        while (nextIntended <= now) {
            log.record(now - nextIntended);
            nextIntended += PERIOD_NANOS;
            beats++;
        }
        return beats;
    }

    /** How many times the heartbeat's thread was found more than {@link #STALL_NANOS} late; any thread may read. */
    int stalls() {
        return stalls;
    }

    /** Nanoseconds since the heartbeat started. */
    long elapsedNanos() {
        return nanoClock.getAsLong() - start;
    }
}
