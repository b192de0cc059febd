package dev.concbench.model;

import dev.concbench.loop.LoopOptions;
import dev.concbench.loop.LoopStats;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * The {@code netty} model's counterpart of our loop's slow-callback count: Netty does not time its
 * tasks, so a heartbeat scheduled on the Netty loop every {@value #PERIOD_MILLIS} ms measures how
 * late it ran. A beat more than the slow-callback threshold late (asyncio's 100 ms, the one our
 * loop uses) means a task or I/O handler held the loop that long: one stall, what a slow callback
 * is on our loop. The benchmarks' loop-blocked guard reads both through {@link LoopStats}.
 *
 * <p>Time comes from the loop's own {@link Ticker}. Started and stopped with the model; the beats
 * run on the loop thread (one writer), {@link #stats()} may be read from any thread.
 */
final class NettyLoopWatch {

    /** How often the heartbeat wants to run, in milliseconds. */
    static final long PERIOD_MILLIS = 10;

    private final EventLoop loop;
    private final Ticker ticker;
    private final long periodNanos = TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS);
    private final long thresholdNanos;
    private long intended;
    private volatile long beats;
    private volatile long stalls;
    private volatile long maxLateNanos;

    /** Starts the heartbeat on {@code loop} with the default slow-callback threshold. */
    NettyLoopWatch(EventLoop loop) {
        this.loop = loop;
        this.ticker = loop.ticker();
        this.thresholdNanos = LoopOptions.DEFAULT_SLOW_CALLBACK_THRESHOLD.toNanos();
        loop.execute(() -> {
            intended = ticker.nanoTime() + periodNanos;
            loop.schedule(this::beat, periodNanos, TimeUnit.NANOSECONDS);
        });
    }

    private void beat() {
        long now = ticker.nanoTime();
        long late = now - intended;
        if (late > maxLateNanos) {
            maxLateNanos = late;
        }
        if (late > thresholdNanos) {
            stalls++; // one writer: the loop thread
        }
        beats++;
        intended = now + periodNanos;
        loop.schedule(this::beat, periodNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * What the heartbeat saw since the model started, as our loop reports it: beats as callbacks
     * run, beats later than the threshold as slow callbacks, the latest any beat has been since
     * start as the longest stretch (a maximum, as {@link LoopStats#maxCallbackNanos()} is). Any thread.
     */
    LoopStats stats() {
        return new LoopStats(beats, 0, stalls, maxLateNanos, 0);
    }
}
