package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

@Timeout(10)
class EventLoopTest {

    private final ManualLoop m = new ManualLoop();
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
        assertEquals(LoopState.TERMINATED, loop.state());
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
        assertEquals(IntStream.range(0, 100).boxed().toList(), order);
        assertTrue(onLoopThread.stream().allMatch(b -> b));
    }

    @Test
    void callbacksFromAnotherThreadKeepThatThreadsOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            loop.execute(() -> order.add(n));
        }
        m.settle();
        assertEquals(IntStream.range(0, 1000).boxed().toList(), m.call(() -> List.copyOf(order)));
    }

    @Test
    void submissionsWakeTheSelectorOnlyWhenTheLoopSleeps() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(5, TimeUnit.SECONDS));
        long before = loop.wakeups();
        CountDownLatch ran = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            loop.execute(ran::countDown);
        }
        assertEquals(before, loop.wakeups(), "the loop was running a callback, not sleeping");
        release.countDown();
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        while (!loop.isSleeping()) {
            Thread.onSpinWait();
        }
        CountDownLatch woke = new CountDownLatch(1);
        loop.execute(woke::countDown);
        assertTrue(woke.await(5, TimeUnit.SECONDS));
        assertEquals(before + 1, loop.wakeups());
    }

    @Test
    void timersFireInDeadlineOrderAndCancelledOnesNever() throws Exception {
        List<String> fired = new ArrayList<>();
        m.run(() -> {
            loop.callLater(Duration.ofSeconds(3), () -> fired.add("c"));
            loop.callLater(Duration.ofSeconds(1), () -> fired.add("a"));
            TimerHandle cancelled = loop.callLater(Duration.ofSeconds(2), () -> fired.add("x"));
            loop.callLater(Duration.ofSeconds(2), () -> fired.add("b"));
            cancelled.cancel();
        });
        m.advance(Duration.ofMillis(999));
        assertEquals(List.of(), m.call(() -> List.copyOf(fired)));
        m.advance(Duration.ofMillis(501));
        assertEquals(List.of("a"), m.call(() -> List.copyOf(fired)));
        m.advance(Duration.ofSeconds(2));
        assertEquals(List.of("a", "b", "c"), m.call(() -> List.copyOf(fired)));
    }

    @Test
    void aTimerScheduledFromAnotherThreadIsCancellableAtOnce() throws Exception {
        List<String> fired = new ArrayList<>();
        TimerHandle kept = loop.callLater(Duration.ofSeconds(1), () -> fired.add("kept"));
        TimerHandle dropped = loop.callLater(Duration.ofSeconds(1), () -> fired.add("dropped"));
        assertTrue(dropped.cancel());
        m.advance(Duration.ofSeconds(1));
        assertEquals(List.of("kept"), m.call(() -> List.copyOf(fired)));
        assertFalse(kept.cancel());
    }

    @Test
    void cancellingATaskCancelsTheSleepItAwaits() throws Exception {
        LoopFuture<Void> sleep = m.call(() -> loop.sleep(Duration.ofSeconds(10)));
        LoopTask<String> task = m.call(() -> loop.spawn("sleeper", () -> sleep.map(v -> "woke")));
        m.settle();
        assertTrue(m.call(task::cancel));
        assertTrue(m.call(sleep::isCancelled));
        assertTrue(m.call(task::isCancelled));
    }

    @Test
    void cancellingAThenChainCancelsTheInnerFutureItIsWaitingOn() throws Exception {
        LoopFuture<Void> inner = m.call(() -> loop.<Void>newFuture());
        LoopFuture<Void> chain = m.call(() -> loop.completed(1).then(v -> inner));
        m.settle();
        m.run(chain::cancel);
        assertTrue(m.call(inner::isCancelled));
    }

    @Test
    void submitBridgesAResultToAnotherThread() throws Exception {
        CompletableFuture<String> result = loop.submit(() -> loop.sleep(Duration.ofSeconds(1)).map(v -> "slept"));
        m.settle();
        m.advance(Duration.ofSeconds(1));
        assertEquals("slept", result.get(5, TimeUnit.SECONDS));
    }

    @Test
    void runInExecutorCompletesOnTheLoopThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<List<String>> threads = loop.submit(() -> loop
                    .runInExecutor(pool, () -> Thread.currentThread().getName())
                    .map(worker -> List.of(worker, Thread.currentThread().getName())));
            List<String> names = threads.get(5, TimeUnit.SECONDS);
            assertFalse(names.get(0).equals(loop.options().threadName()));
            assertEquals(loop.options().threadName(), names.get(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void adaptCompletesTheLoopFutureOnTheLoopThread() throws Exception {
        CompletableFuture<String> foreign = new CompletableFuture<>();
        CompletableFuture<String> seenOn = loop.submit(() -> loop.adapt(foreign)
                .map(v -> v + "@" + Thread.currentThread().getName()));
        m.settle();
        foreign.complete("value");
        assertEquals("value@" + loop.options().threadName(), seenOn.get(5, TimeUnit.SECONDS));
    }

    @Test
    void loopMethodsRejectOtherThreads() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.sleep(Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("loop thread"), e.getMessage());
    }

    @Test
    void futureMethodsRejectOtherThreadsAndChangeNothing() throws Exception {
        LoopFuture<String> f = m.call(loop::newFuture);
        List<Executable> calls = List.of(() -> f.complete("x"), () -> f.fail(new RuntimeException("x")), f::cancel,
                () -> f.onDone(done -> { }), f::result, f::isSucceeded);
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertTrue(e.getMessage().contains("must be called on the loop thread '" + loop.threadName() + "'"), e.getMessage());
        }
        assertFalse(f.isDone());
    }

    @Test
    void closeCancelsLiveTasksAndFailsOutsideWaiters() throws Exception {
        CompletableFuture<Void> never = loop.submit(() -> loop.sleep(Duration.ofDays(1)));
        m.settle();
        loop.close();
        assertTrue(never.isCompletedExceptionally());
        assertEquals(LoopState.TERMINATED, loop.state());
        assertThrows(java.util.concurrent.RejectedExecutionException.class, () -> loop.execute(() -> { }));
    }
}
