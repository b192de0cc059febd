package dev.concbench.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts JFR {@code jdk.VirtualThreadPinned} events in this JVM: a virtual thread that blocked
 * while pinned to its carrier (it held the carrier instead of unmounting) for longer than
 * {@link #THRESHOLD}, which voids a {@code virtual} result. Events stream in asynchronously (JFR flushes about once a second), so a
 * count read right after an iteration may miss that iteration's last events; the next read gets them.
 *
 * <p>Lifecycle: recording from construction until {@link #close()}; {@link #takeCount()} from any thread.
 */
public final class PinnedEvents implements AutoCloseable {

    private static final String EVENT = "jdk.VirtualThreadPinned";

    private final RecordingStream stream = new RecordingStream();
    private final AtomicLong count = new AtomicLong();

    /**
     * JFR's own default for this event: a pin shorter than this (a class initialiser that blocked
     * a moment) does not hold a carrier long enough to change a result.
     */
    public static final Duration THRESHOLD = Duration.ofMillis(20);

    /** Starts recording pins longer than {@link #THRESHOLD}. */
    public PinnedEvents() {
        stream.enable(EVENT).withThreshold(THRESHOLD);
        stream.onEvent(EVENT, e -> count.incrementAndGet());
        stream.startAsync();
    }

    /** The events seen since the last call. */
    public long takeCount() {
        return count.getAndSet(0);
    }

    @Override
    public void close() {
        stream.close();
    }
}
