package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The determinism benchmark's race is real: platform threads released together lose updates of
 * the unsynchronised counter, and the event loop's tasks, doing the same increments between their
 * await points, never do; with an await between each read and its write they do, the same number
 * every run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedCounterRaceTest {

    private static final int THREADS = 2;
    private static final int INCREMENTS = 20_000_000;
    /**
     * A run can miss the race when the OS keeps one of the two threads off the CPU throughout (a
     * machine loaded 20-fold did, five runs in a row): runs repeat until one loses an update or this
     * much time has passed, in nanoseconds.
     */
    private static final long TRY_FOR_NANOS = TimeUnit.SECONDS.toNanos(40);

    @Test
    void platformThreadsLoseUpdates() throws InterruptedException {
        List<Long> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            long start = System.nanoTime();
            while (counts.isEmpty()
                    || counts.getLast() == (long) THREADS * INCREMENTS && System.nanoTime() - start < TRY_FOR_NANOS) {
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

    @Test
    void theLoopAwaitingBetweenReadAndWriteLosesTheSameUpdatesEveryRun() {
        int tasks = 4;
        int increments = 10_000;
        Set<Long> outcomes = new HashSet<>();
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults())) {
            for (int run = 0; run < 5; run++) {
                outcomes.add(loop.submit(() -> DeterminismBenchmark.countOnLoopAwaiting(loop, tasks, increments)).join());
            }
        }
        assertEquals(1, outcomes.size(), "the switch points are in the code: one outcome over 5 runs, " + outcomes);
        long count = outcomes.iterator().next();
        assertTrue(count < (long) tasks * increments, "a read, an await, then a stale write loses updates: " + count);
        assertTrue(count >= increments, "each task's own writes still count once each round: " + count);
    }
}
