package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EventLoopTest {

    private final ManualClock clock = new ManualClock();
    private final EventLoop loop = EventLoop.start(LoopOptions.defaults().withClock(clock).withInjectedSpinNanos(0));

    @AfterEach
    void close() {
        loop.close();
        assertEquals(LoopState.TERMINATED, loop.state());
    }

    /** Runs {@code action} on the loop thread and waits for it. */
    private void onLoop(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(5, TimeUnit.SECONDS);
    }

    /** Moves the manual clock and lets the loop take one turn, which fires the timers now due. */
    private void advance(Duration by) throws Exception {
        clock.advance(by);
        onLoop(() -> { });
    }

    @Test
    void readyCallbacksRunInFifoOrderOnTheLoopThread() throws Exception {
        List<Integer> order = new ArrayList<>();
        List<Boolean> onLoopThread = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            for (int i = 0; i < 100; i++) {
                int n = i;
                loop.execute(() -> {
                    order.add(n);
                    onLoopThread.add(loop.inLoop());
                    if (n == 99) {
                        done.countDown();
                    }
                });
            }
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
        assertTrue(onLoopThread.stream().allMatch(b -> b));
    }

    @Test
    void timersFireInDeadlineOrderAndCancelledOnesNever() throws Exception {
        List<String> fired = new ArrayList<>();
        onLoop(() -> {
            loop.callLater(Duration.ofSeconds(3), () -> fired.add("c"));
            loop.callLater(Duration.ofSeconds(1), () -> fired.add("a"));
            TimerHandle cancelled = loop.callLater(Duration.ofSeconds(2), () -> fired.add("x"));
            loop.callLater(Duration.ofSeconds(2), () -> fired.add("b"));
            cancelled.cancel();
        });
        advance(Duration.ofMillis(1500));
        onLoop(() -> assertEquals(List.of("a"), fired));
        advance(Duration.ofSeconds(2));
        onLoop(() -> assertEquals(List.of("a", "b", "c"), fired));
    }

    @Test
    void cancellingATaskCancelsTheSleepItAwaits() throws Exception {
        List<Object> seen = new ArrayList<>();
        onLoop(() -> {
            LoopFuture<Void> sleep = loop.sleep(Duration.ofSeconds(10));
            LoopTask<String> task = loop.spawn("sleeper", () -> sleep.map(v -> "woke"));
            loop.execute(() -> {
                task.cancel();
                seen.add(sleep.isCancelled());
                seen.add(task.isCancelled());
            });
        });
        onLoop(() -> { });
        assertEquals(List.of(true, true), seen);
    }

    @Test
    void submitBridgesAResultToAnotherThread() throws Exception {
        CompletableFuture<String> result = loop.submit(() -> loop.sleep(Duration.ofSeconds(1)).map(v -> "slept"));
        onLoop(() -> { });
        onLoop(() -> { });
        advance(Duration.ofSeconds(1));
        assertEquals("slept", result.get(5, TimeUnit.SECONDS));
    }

    @Test
    void loopMethodsRejectOtherThreads() {
        assertThrows(IllegalStateException.class, () -> loop.sleep(Duration.ofSeconds(1)));
    }
}
