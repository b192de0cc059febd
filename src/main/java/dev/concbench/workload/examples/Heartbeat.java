package dev.concbench.workload.examples;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.Coroutine;
import dev.concbench.loop.TimerHandle;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A callback due every {@code interval} on a fixed grid, recording how late the loop runs it: a
 * stalled loop shows up as lateness. Loop thread only.
 */
final class Heartbeat {

    /** What a measured piece of work returned, and the heartbeat's worst lateness meanwhile. */
    record Measured(String result, long maxLateNanos) {
    }

    private final EventLoop loop;
    private final long intervalNanos;
    private long nextDeadline;
    private long maxLateNanos;
    private TimerHandle timer;

    private Heartbeat(EventLoop loop, Duration interval) {
        this.loop = loop;
        this.intervalNanos = interval.toNanos();
        this.nextDeadline = loop.now() + intervalNanos;
        schedule();
    }

    static Heartbeat start(EventLoop loop, Duration interval) {
        return new Heartbeat(loop, interval);
    }

    /**
     * Runs {@code work} with a heartbeat of {@code interval} beating around it (from two beats
     * before to two beats after, so a late beat is seen) and reports the worst lateness. In a
     * coroutine; {@code work} runs in it and may await.
     */
    static Measured around(ExampleContext ctx, Duration interval, Supplier<String> work) {
        Heartbeat heartbeat = start(ctx.loop(), interval);
        Duration settle = interval.multipliedBy(2);
        Coroutine.sleep(settle);
        String result = work.get();
        Coroutine.sleep(settle);
        return new Measured(result, heartbeat.stop());
    }

    /** Stops beating; returns the worst lateness seen, in nanoseconds. */
    long stop() {
        timer.cancel();
        return maxLateNanos;
    }

    private void schedule() {
        timer = loop.callAt(nextDeadline, this::beat);
    }

    private void beat() {
        long now = loop.now();
        maxLateNanos = Math.max(maxLateNanos, now - nextDeadline);
        while (nextDeadline - now <= 0) {
            nextDeadline += intervalNanos;  // beats missed during a stall are skipped, not replayed
        }
        schedule();
    }
}
