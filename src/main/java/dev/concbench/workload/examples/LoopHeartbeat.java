package dev.concbench.workload.examples;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.Coroutine;
import dev.concbench.loop.TimerHandle;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A timer callback on the event loop, due every {@code interval} on a fixed grid, keeping only the
 * worst lateness: a stalled loop shows up as one late beat, and the beats missed during the stall
 * are skipped (the worst value is all the seed's examples print, so this coordinated omission is
 * harmless here). The benchmarks' {@code bench.OpenLoopHeartbeat} records every missed beat
 * instead. Loop thread only.
 */
final class LoopHeartbeat {

    /** What a measured piece of work returned, and the heartbeat's worst lateness meanwhile. */
    record Measured(String result, long maxLateNanos) {
    }

    private final EventLoop loop;
    private final long intervalNanos;
    private long nextDeadline;
    private long maxLateNanos;
    private TimerHandle timer;

    private LoopHeartbeat(EventLoop loop, Duration interval) {
        this.loop = loop;
        this.intervalNanos = interval.toNanos();
        this.nextDeadline = loop.now() + intervalNanos;
        schedule();
    }

    static LoopHeartbeat start(EventLoop loop, Duration interval) {
        return new LoopHeartbeat(loop, interval);
    }

    /**
     * Runs {@code work} with a heartbeat of {@code interval} beating around it (from two beats
     * before to two beats after, so a late beat is seen) and reports the worst lateness. In a
     * coroutine; {@code work} runs in it and may await.
     */
    static Measured around(ExampleContext ctx, Duration interval, Supplier<String> work) {
        LoopHeartbeat heartbeat = start(ctx.loop(), interval);
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
