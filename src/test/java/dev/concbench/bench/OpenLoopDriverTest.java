package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The open-loop driver never waits on the model it loads, measures from the intended send time,
 * and counts what did not finish within the drain window.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpenLoopDriverTest {

    private static final long MS = 1_000_000L;

    @Test
    void aModelThatBlocksOnSubmitDoesNotDelayTheSends() throws InterruptedException {
        LatencyRecorder log = new LatencyRecorder(new LogIdentity("test", "test", java.util.Map.of("rate", "0"), "rate"));
        AtomicInteger calls = new AtomicInteger();
        // the first submit blocks for a second, as a slow thread start or a full queue would
        OpenLoopDriver.Tally t = new OpenLoopDriver(log, System::nanoTime, TimeUnit.SECONDS.toNanos(10))
                .run(50, 300 * MS, 500 * MS, 3_000 * MS, () -> {
                    if (calls.getAndIncrement() == 0) {
                        sleep(1_000);
                    }
                    return CompletableFuture.completedFuture(null);
                });
        assertEquals(15, t.sent(), "every send of the schedule was handed off");
        // the old driver called the model on its own thread: every send behind the blocked one left
        // about a second late; the driver's own lateness is what 'dropped' counts
        assertEquals(0, t.dropped(), "no send left half a second late: the driver did not wait for the model");
        assertEquals(15, t.completed());
        assertEquals(0, t.notCompleted());
        Histogram h = log.endInterval();
        assertEquals(15, h.getTotalCount());
        assertTrue(h.getMaxValue() >= 1_000 * MS,
                "the requests queued behind the blocked submit are measured from their intended send time: " + h.getMaxValue());
    }

    @Test
    void requestsStillRunningWhenTheDrainWindowClosesAreNotCompleted() throws InterruptedException {
        LatencyRecorder log = new LatencyRecorder(new LogIdentity("test", "test", java.util.Map.of("rate", "0"), "rate"));
        AtomicInteger calls = new AtomicInteger();
        OpenLoopDriver.Tally t = new OpenLoopDriver(log, System::nanoTime, 50 * MS)
                .run(100, 100 * MS, 1_000 * MS, 200 * MS, () -> switch (calls.getAndIncrement() % 3) {
                    case 0 -> new CompletableFuture<>(); // never finishes
                    case 1 -> CompletableFuture.failedFuture(new IllegalStateException("refused"));
                    default -> CompletableFuture.completedFuture(null);
                });
        assertEquals(10, t.sent());
        assertEquals(4, t.notCompleted(), "sends 0, 3, 6, 9 never finished");
        assertEquals(3, t.failed(), "sends 1, 4, 7 failed");
        assertEquals(3, t.completed(), "sends 2, 5, 8 completed");
        assertEquals(6, log.endInterval().getTotalCount(), "what finished is measured, what did not is counted");
    }

    @Test
    void throughputCountsToTheLastCompletionNotTheLastSend() throws InterruptedException {
        LatencyRecorder log = new LatencyRecorder(new LogIdentity("test", "test", java.util.Map.of("rate", "0"), "rate"));
        OpenLoopDriver.Tally t = new OpenLoopDriver(log, System::nanoTime, 50 * MS)
                .run(100, 100 * MS, 1_000 * MS, 2_000 * MS,
                        () -> CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)));
        assertEquals(10, t.completed());
        // the sends span 90 ms, the completions 300 ms more: 10 requests over >= 0.39 s
        assertTrue(t.seconds() >= 0.39, "the shot lasts until its last completion: " + t.seconds() + " s");
        assertTrue(t.throughput() < 10 / 0.39, "not the offered rate: " + t.throughput());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
