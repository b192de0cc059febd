package dev.concbench.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EventLoop} is built: its thread's name, its clock, debug mode and reporting.
 *
 * @param threadName            the loop thread's name
 * @param clock                 the source of time for timers, timeouts and callback durations
 * @param debug                 asyncio's debug mode: record where each callback was scheduled and
 *                              time each one, so a slow callback's report names it (costs a stack
 *                              capture and two clock reads per callback); off, the loop times only
 *                              the stretches between I/O polls (see {@link LoopStats})
 * @param slowCallbackThreshold a callback running longer than this is counted in
 *                              {@link LoopStats#slowCallbacks()}, and reported to the listener in
 *                              debug mode (asyncio's {@code slow_callback_duration}, default 100 ms)
 * @param injectedSpinNanos     nanoseconds of CPU work (a counted loop calibrated once per JVM) the
 *                              loop adds per ready callback on average (short spins in lumps,
 *                              see {@code InjectedSpin}); only for proving the
 *                              regression gate (see {@link #INJECT_SPIN_ENV}); 0 normally
 * @param listener              receives slow-callback, callback-failure and task-failure reports
 * @param shutdownGrace         how long {@link EventLoop#close()} keeps the loop turning, in real time
 *                              whatever {@code clock} says, so that cancelled tasks finish their
 *                              cleanup (which may await timers and I/O); tasks still running then are
 *                              abandoned and reported as task failures ({@link #DEFAULT_SHUTDOWN_GRACE})
 */
public record LoopOptions(String threadName, LoopClock clock, boolean debug, Duration slowCallbackThreshold,
        long injectedSpinNanos, LoopListener listener, Duration shutdownGrace) {

    /** Environment variable: busy-wait this many nanoseconds before each ready callback. */
    public static final String INJECT_SPIN_ENV = "CONCBENCH_INJECT_LOOP_SPIN_NS";

    /** System property with the same meaning as {@link #INJECT_SPIN_ENV}; wins when both are set. */
    public static final String INJECT_SPIN_PROPERTY = "concbench.inject.loopSpinNanos";

    /** asyncio's default {@code slow_callback_duration}. */
    public static final Duration DEFAULT_SLOW_CALLBACK_THRESHOLD = Duration.ofMillis(100);

    /**
     * One second: asyncio's {@code run} waits for cancelled tasks without a limit, which lets one
     * stuck task hang a benchmark for ever; a cleanup that awaits a short timer, a socket close or a
     * queue hand-off takes milliseconds, so a second is ample for well-behaved tasks and bounds what a
     * stuck one costs each {@code close()} (a run closes loops between forks and trials).
     */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(1);

    public LoopOptions {
        Objects.requireNonNull(threadName, "threadName");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(slowCallbackThreshold, "slowCallbackThreshold");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must be >= 0, got " + shutdownGrace);
        }
        if (slowCallbackThreshold.isNegative() || slowCallbackThreshold.isZero()) {
            throw new IllegalArgumentException("slowCallbackThreshold must be positive, got " + slowCallbackThreshold);
        }
        if (injectedSpinNanos < 0) {
            throw new IllegalArgumentException("injectedSpinNanos must be >= 0, got " + injectedSpinNanos);
        }
    }

    /**
     * Thread {@code "concbench-loop"}, the system clock, debug off, 100 ms threshold, logging
     * listener, a one-second shutdown grace, and the injected spin read from {@value #INJECT_SPIN_PROPERTY} or
     * {@value #INJECT_SPIN_ENV} (0 when neither is set).
     *
     * @throws IllegalArgumentException when the property or variable is not a non-negative integer
     */
    public static LoopOptions defaults() {
        return new LoopOptions("concbench-loop", LoopClock.system(), false, DEFAULT_SLOW_CALLBACK_THRESHOLD,
                injectedSpinFromEnvironment(), LoopListener.logging(), DEFAULT_SHUTDOWN_GRACE);
    }

    public LoopOptions withThreadName(String name) {
        return new LoopOptions(name, clock, debug, slowCallbackThreshold, injectedSpinNanos, listener, shutdownGrace);
    }

    public LoopOptions withClock(LoopClock c) {
        return new LoopOptions(threadName, c, debug, slowCallbackThreshold, injectedSpinNanos, listener, shutdownGrace);
    }

    public LoopOptions withDebug(boolean on) {
        return new LoopOptions(threadName, clock, on, slowCallbackThreshold, injectedSpinNanos, listener, shutdownGrace);
    }

    public LoopOptions withSlowCallbackThreshold(Duration threshold) {
        return new LoopOptions(threadName, clock, debug, threshold, injectedSpinNanos, listener, shutdownGrace);
    }

    public LoopOptions withInjectedSpinNanos(long nanos) {
        return new LoopOptions(threadName, clock, debug, slowCallbackThreshold, nanos, listener, shutdownGrace);
    }

    public LoopOptions withListener(LoopListener l) {
        return new LoopOptions(threadName, clock, debug, slowCallbackThreshold, injectedSpinNanos, l, shutdownGrace);
    }

    public LoopOptions withShutdownGrace(Duration grace) {
        return new LoopOptions(threadName, clock, debug, slowCallbackThreshold, injectedSpinNanos, listener, grace);
    }

    static long injectedSpinFromEnvironment() {
        String property = System.getProperty(INJECT_SPIN_PROPERTY);
        if (property != null) {
            return parseSpin(property, "system property " + INJECT_SPIN_PROPERTY);
        }
        String env = System.getenv(INJECT_SPIN_ENV);
        return env == null || env.isBlank() ? 0 : parseSpin(env, "environment variable " + INJECT_SPIN_ENV);
    }

    private static long parseSpin(String value, String where) {
        String rule = where + " must be a non-negative integer (nanoseconds), got '" + value + "'";
        try {
            long nanos = Long.parseLong(value.trim());
            if (nanos < 0) {
                throw new IllegalArgumentException(rule);
            }
            return nanos;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule, e);
        }
    }
}
