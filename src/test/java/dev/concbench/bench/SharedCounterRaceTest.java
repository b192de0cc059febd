package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The determinism benchmark's race is real: platform threads released together lose updates of
 * the unsynchronised counter, and the event loop's tasks, doing the same increments between their
 * await points, never do.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SharedCounterRaceTest {

    private static final int THREADS = 2;
    private static final int INCREMENTS = 20_000_000;
    /** A run can miss the race when the OS keeps one of the two threads off the CPU throughout; one of these must not. */
    private static final int ATTEMPTS = 5;

    @Test
    void platformThreadsLoseUpdates() throws InterruptedException {
        List<Long> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int a = 0; a < ATTEMPTS && (counts.isEmpty() || counts.getLast() == (long) THREADS * INCREMENTS); a++) {
                counts.add(DeterminismBenchmark.countOnThreads(pool, THREADS, INCREMENTS));
            }
        }
        assertTrue(counts.getLast() < (long) THREADS * INCREMENTS,
                "two threads racing on a plain counter lose updates; final counts: " + counts);
        // no lower bound: the last writer writes 1 + whatever it last read, which may be an old, small value
        assertTrue(counts.getLast() > 0, "the counter was incremented at all: " + counts);
    }

    @Test
    void theLoopLosesNone() {
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults())) {
            long count = loop.submit(() -> DeterminismBenchmark.countOnLoop(loop, THREADS, INCREMENTS)).join();
            assertEquals((long) THREADS * INCREMENTS, count);
        }
    }
}
