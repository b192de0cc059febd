package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code close()} as asyncio's {@code run} ends: cancelled coroutines finish their cleanup, awaits
 * included, before the loop stops; one that never finishes is abandoned after the grace and
 * reported, never hangs {@code close()}. Also: cancelling {@code Coroutine.run}'s future cancels the
 * coroutine, and the wrong-thread message tells two loops of one name apart.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownCleanupTest {

    @Test
    void closeLetsACancelledCoroutineAwaitInItsFinallyBlock() throws Exception {
        RecordingListener listener = new RecordingListener();
        EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(listener).withShutdownGrace(Duration.ofSeconds(20)));
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch parked = new CountDownLatch(1);
        Coroutine.run(loop, "parked", () -> {
            try {
                parked.countDown();
                Coroutine.sleep(Duration.ofHours(1));
                return "not reached";
            } finally {
                log.add("finally-start");
                Coroutine.sleep(Duration.ofMillis(10));
                log.add("finally-end");
            }
        });
        parked.await();
        loop.close();
        assertEquals(List.of("finally-start", "finally-end"), log);
        assertEquals(List.of(), listener.taskFailures);
    }

    @Test
    void aTaskThatNeverFinishesIsAbandonedAfterTheGraceAndReported() throws Exception {
        RecordingListener listener = new RecordingListener();
        EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(listener).withShutdownGrace(Duration.ofMillis(50)));
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch swallowed = new CountDownLatch(1);
        CompletableFuture<String> stuck = Coroutine.run(loop, "stubborn", () -> {
            parked.countDown();
            while (true) {
                try {
                    Coroutine.await(Coroutine.loop().newFuture());  // nobody ever completes it
                } catch (CancellationException e) {
                    swallowed.countDown();
                }
            }
        });
        parked.await();
        loop.close();
        assertEquals(LoopState.TERMINATED, loop.state());
        assertTrue(swallowed.await(0, TimeUnit.SECONDS), "the coroutine was cancelled");
        assertEquals(1, listener.taskFailures.stream().filter(f -> f.startsWith("stubborn: still running")).count(),
                String.valueOf(listener.taskFailures));
        assertEquals(1, loop.stats().taskFailures());
        Throwable abandoned = stuck.handle((v, e) -> e).join();
        assertTrue(abandoned instanceof CancellationException && abandoned.getMessage().contains("abandoned"), String.valueOf(abandoned));
    }

    @Test
    void atCloseRunsFutureWaitsForTheCleanupAndFollowsTheOutcome() throws Exception {
        EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(new RecordingListener()).withShutdownGrace(Duration.ofSeconds(20)));
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch parked = new CountDownLatch(2);
        CompletableFuture<String> cancelled = Coroutine.run(loop, "cancelled", () -> {
            try {
                parked.countDown();
                Coroutine.sleep(Duration.ofHours(1));
                return "not reached";
            } finally {
                Coroutine.sleep(Duration.ofMillis(10));
                log.add("cleanup-end");
            }
        });
        CompletableFuture<String> swallowing = Coroutine.run(loop, "swallowing", () -> {
            try {
                parked.countDown();
                Coroutine.sleep(Duration.ofHours(1));
                return "not reached";
            } catch (CancellationException e) {
                Coroutine.sleep(Duration.ofMillis(10));
                return "graceful";
            }
        });
        parked.await();
        CompletableFuture<List<String>> logWhenDone = cancelled.handle((v, e) -> List.copyOf(log));
        Thread closer = Thread.ofPlatform().start(loop::close);
        assertEquals(List.of("cleanup-end"), logWhenDone.get(20, TimeUnit.SECONDS), "completed only after the cleanup");
        assertThrows(CancellationException.class, cancelled::join);
        assertEquals("graceful", swallowing.get(20, TimeUnit.SECONDS));
        closer.join();
    }

    @Test
    void cancellingCoroutineRunsFutureCancelsTheCoroutine() throws Exception {
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults().withListener(new RecordingListener()))) {
            CountDownLatch parked = new CountDownLatch(1);
            CompletableFuture<String> cleaned = new CompletableFuture<>();
            CompletableFuture<String> remote = Coroutine.run(loop, "remote", () -> {
                try {
                    parked.countDown();
                    Coroutine.sleep(Duration.ofHours(1));
                    return "not reached";
                } catch (CancellationException e) {
                    cleaned.complete("cancelled");
                    throw e;
                }
            });
            parked.await();
            assertTrue(remote.cancel(true));
            assertEquals("cancelled", cleaned.get(10, TimeUnit.SECONDS), "the coroutine saw the cancellation");
        }
    }

    @Test
    void theWrongThreadMessageTellsTwoLoopsOfOneNameApart() throws Exception {
        try (EventLoop a = EventLoop.start(); EventLoop b = EventLoop.start()) {
            String message = a.submit(() -> {
                try {
                    b.newFuture();
                    return a.completed("no failure");
                } catch (IllegalStateException e) {
                    return a.completed(e.getMessage());
                }
            }).get(10, TimeUnit.SECONDS);
            String loopThread = message.substring(message.indexOf("loop thread"), message.indexOf(", not on"));
            String caller = message.substring(message.indexOf(", not on"));
            assertTrue(!loopThread.replace("loop thread ", "").equals(caller.replace(", not on ", "")), message);
        }
    }
}
