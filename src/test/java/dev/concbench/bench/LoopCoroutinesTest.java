package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopFuture;
import dev.concbench.loop.LoopTask;
import dev.concbench.metrics.LatencyRecorder;
import dev.concbench.results.LogIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The coroutines model's benchmark bodies do the work they claim: every pass, child, waiter and increment. */
@Timeout(30)
class LoopCoroutinesTest {

    private final EventLoop loop = EventLoop.start();
    private final LoopTasks tasks = new LoopTasks(loop);

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void handoffAndSpawnFinish() {
        assertEquals(2, tasks.run(() -> LoopCoroutines.handoff(loop, 1_000)).size());
        long before = loop.stats().callbacksRun();
        tasks.run(() -> LoopCoroutines.spawn(loop, 100));
        assertTrue(loop.stats().callbacksRun() - before >= 200, "each child is a step of its own, and resumes its parent");
    }

    @Test
    void waitersStaySuspendedUntilTheSignal() {
        List<LoopTask<Void>> waiters = new ArrayList<>();
        LoopFuture<Void> signal = tasks.run(() -> {
            LoopFuture<Void> s = loop.newFuture();
            for (int i = 0; i < 100; i++) {
                waiters.add(LoopCoroutines.waiter(loop, s));
            }
            return loop.completed(s);
        });
        assertFalse(waiters.stream().anyMatch(LoopFuture::isDone));
        tasks.run(() -> {
            signal.complete(null);
            return loop.gather(waiters);
        });
        assertTrue(waiters.stream().allMatch(LoopFuture::isDone));
    }

    @Test
    void theRacyCounterLosesNothingOnCoroutinesAndEndsTheSameEveryRun() {
        for (int run = 0; run < 3; run++) {
            assertEquals(4L * 50_000, tasks.run(() -> LoopCoroutines.count(loop, 4, 50_000, 1_000)));
        }
    }

    @Test
    void theHeartbeatBeatsUntilTheShotEndsAndAwaitsEveryDisturber() {
        LatencyRecorder log = new LatencyRecorder(new LogIdentity("test", "coroutines", Map.of("disturbance", "none"), "disturbance"));
        AtomicInteger disturbed = new AtomicInteger();
        int beats = tasks.run(() -> LoopCoroutines.heartbeat(loop, new OpenLoopHeartbeat(log, System::nanoTime),
                TimeUnit.MILLISECONDS.toNanos(50), 2, end -> disturbed.incrementAndGet()));
        assertTrue(beats >= 1, "beats: " + beats);
        assertEquals(2, disturbed.get(), "each disturber ran once, and the heartbeat waited for them");
    }
}
