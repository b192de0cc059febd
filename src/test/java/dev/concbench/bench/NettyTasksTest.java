package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The netty model's benchmark bodies do the work they claim, on the Netty loop thread: every pass,
 * child, waiter, sleeper and increment; the racy counter loses nothing without a yield between a
 * read and its write, and loses the same number every run with one.
 */
@Timeout(30)
class NettyTasksTest {

    private final ModelSession session = new ModelSession("netty", Map.of(), 0, false);
    private final NettyTasks tasks = session.nettyLoop().orElseThrow();

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void handoffAndSpawnFinishOnTheLoop() {
        tasks.handoff(1_000);
        tasks.run(() -> tasks.spawn(100));
        assertTrue(tasks.run(() -> tasks.loop().newSucceededFuture(tasks.loop().inEventLoop())), "a run body is on the loop");
    }

    @Test
    void waitersListenUntilTheSignal() {
        List<Promise<Void>> waiters = new ArrayList<>();
        Promise<Void> signal = tasks.run(() -> {
            Promise<Void> s = tasks.loop().newPromise();
            for (int i = 0; i < 100; i++) {
                waiters.add(tasks.waiter(s));
            }
            Promise<Promise<Void>> started = tasks.loop().newPromise();
            tasks.loop().execute(() -> started.setSuccess(s));
            return started;
        });
        assertFalse(waiters.stream().anyMatch(Future::isDone));
        tasks.run(() -> {
            signal.setSuccess(null);
            return tasks.gather(waiters);
        });
        assertTrue(waiters.stream().allMatch(Future::isDone));
    }

    @Test
    void sleepersWaitForTheGateThenTheirTimer() {
        Promise<Void> gate = tasks.loop().newPromise();
        List<CompletableFuture<Void>> sleepers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sleepers.add(tasks.sleeper(gate, 5));
        }
        assertFalse(sleepers.stream().anyMatch(CompletableFuture::isDone));
        tasks.loop().execute(() -> gate.setSuccess(null));
        CompletableFuture.allOf(sleepers.toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void theCounterLosesNothingWithoutAYieldBetweenReadAndWrite() {
        for (int run = 0; run < 3; run++) {
            assertEquals(4L * 50_000, tasks.run(() -> tasks.count(4, 50_000, 1_000)));
        }
    }

    @Test
    void aYieldBetweenReadAndWriteLosesTheSameUpdatesEveryRun() {
        Set<Long> outcomes = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            outcomes.add(tasks.run(() -> tasks.countAwaiting(4, 1_000)));
        }
        assertEquals(Set.of(1_000L), outcomes, "4 tasks read the same value before any writes it back: 3 of 4 lost");
    }
}
