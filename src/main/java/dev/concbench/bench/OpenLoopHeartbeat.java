package dev.concbench.bench;

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
 * <p>One heartbeat task calls {@link #beat} repeatedly; the time source is injected.
 */
final class OpenLoopHeartbeat {

    /** The heartbeat period, in nanoseconds. */
    static final long PERIOD_NANOS = 10_000_000L;

    private final LatencyRecorder log;
    private final LongSupplier nanoClock;
    private final long start;
    private long nextIntended;

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
        while (nextIntended <= now) {
            log.record(now - nextIntended);
            nextIntended += PERIOD_NANOS;
            beats++;
        }
        return beats;
    }

    /** Nanoseconds since the heartbeat started. */
    long elapsedNanos() {
        return nanoClock.getAsLong() - start;
    }
}
