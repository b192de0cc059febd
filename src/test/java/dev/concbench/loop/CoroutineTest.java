package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** await's semantics: value, failure, cancellation at an await, outside a coroutine, nesting, pinning, order. */
@Timeout(10)
class CoroutineTest {

    private final ManualLoop m = new ManualLoop();
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
    }

    private LoopTask<String> spawn(String name, Coroutine.Body<String> body) throws Exception {
        return m.call(() -> loop.spawnCoroutine(name, body));
    }

    @Test
    void awaitReturnsTheValueOnceTheFutureSucceeds() throws Exception {
        LoopTask<String> task = spawn("value", () -> {
            String a = await(loop.sleep(Duration.ofSeconds(1)).map(v -> "A"));
            return a + await(loop.completed("B"));
        });
        m.settle();
        assertFalse(task.isDone());
        m.advance(Duration.ofSeconds(1));
        assertEquals("AB", m.call(task::result));
    }

    @Test
    void awaitThrowsTheFuturesOwnExceptionAndTheTaskFailsWithIt() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        List<Throwable> caught = new ArrayList<>();
        LoopTask<String> task = spawn("failing", () -> {
            try {
                await(loop.failed(boom));
            } catch (IllegalArgumentException e) {
                caught.add(e);
            }
            return await(loop.sleep(Duration.ofSeconds(1)).then(v -> loop.failed(new IOException("io"))));
        });
        m.advance(Duration.ofSeconds(1));
        assertSame(boom, caught.getFirst());
        Throwable failure = m.call(task::exception);
        assertInstanceOf(CompletionException.class, failure, "a checked failure arrives wrapped");
        assertInstanceOf(IOException.class, failure.getCause());
        assertEquals(LoopState.RUNNING, loop.state(), "a failing coroutine never fails the loop");
    }

    @Test
    void cancellingAParkedCoroutineThrowsAtTheAwaitRunsFinallyAndCancelsWhatItAwaited() throws Exception {
        List<String> seen = new ArrayList<>();
        LoopFuture<Void> sleeping = m.call(() -> loop.sleep(Duration.ofSeconds(10)));
        LoopTask<String> task = spawn("parked", () -> {
            try {
                await(sleeping);
                return "woke";
            } catch (CancellationException e) {
                seen.add("cancelled");
                throw e;
            } finally {
                seen.add("finally");
                await(loop.sleep(Duration.ofSeconds(1)));  // cleanup may await: the cancellation came once
                seen.add("cleaned");
            }
        });
        m.settle();
        m.run(task::cancel);
        m.settle();
        assertEquals(List.of("cancelled", "finally"), seen);
        assertTrue(m.call(sleeping::isCancelled), "cancelling the coroutine cancels the future it awaits");
        assertFalse(task.isDone(), "as asyncio's: the task is done only once its coroutine has handled the cancellation");
        m.advance(Duration.ofSeconds(1));
        assertEquals(List.of("cancelled", "finally", "cleaned"), seen);
        assertTrue(m.call(task::isCancelled));
    }

    @Test
    void aCoroutineCancelledBeforeItsFirstStepNeverRuns() throws Exception {
        List<String> ran = new ArrayList<>();
        LoopTask<String> task = m.call(() -> {
            LoopTask<String> t = loop.spawnCoroutine("never", () -> {
                ran.add("ran");
                return "x";
            });
            t.cancel();
            return t;
        });
        m.settle();
        assertTrue(ran.isEmpty());
        assertTrue(m.call(task::isCancelled));
    }

    @Test
    void awaitOutsideACoroutineIsAnIllegalStateExceptionSayingSo() throws Exception {
        ExecutionException wrapped = assertThrows(ExecutionException.class, () -> m.call(() -> await(loop.completed("x"))));
        IllegalStateException onLoop = assertInstanceOf(IllegalStateException.class, wrapped.getCause());
        assertTrue(onLoop.getMessage().contains("outside a coroutine"), onLoop.getMessage());
        IllegalStateException offLoop = assertThrows(IllegalStateException.class, () -> Coroutine.sleep(Duration.ZERO));
        assertTrue(offLoop.getMessage().contains("outside a coroutine"), offLoop.getMessage());
    }

    @Test
    void nestedAwaitsSuspendTheWholeStackOfPlainMethodCalls() throws Exception {
        LoopTask<String> outer = spawn("outer", () -> {
            LoopTask<String> inner = loop.spawnCoroutine("inner", () -> depth(3));
            return "outer got " + await(inner) + " and " + depth(2);
        });
        m.advance(Duration.ofSeconds(1));
        assertFalse(outer.isDone());
        m.advance(Duration.ofSeconds(1));
        assertEquals("outer got 123 and 12", m.call(outer::result));
    }

    /** A plain (not coroutine-aware) recursive method that awaits at the bottom of its stack. */
    private String depth(int n) {
        if (n == 0) {
            await(loop.sleep(Duration.ofSeconds(1)));
            return "";
        }
        return depth(n - 1) + n;
    }

    @Test
    void manyCoroutinesInterleaveInTheSameRecordedOrderEveryRun() throws Exception {
        List<String> first = interleaving();
        List<String> second = interleaving();
        assertEquals(first, second);
        // A awaits 1 s twice, B 2 s once (its timer, due with A's second, was set first), C only
        // already-done futures: C never switches
        assertEquals(List.of("A0", "B0", "C0", "C1", "C2", "C3", "A1", "B1", "A2"), first);
    }

    private List<String> interleaving() throws Exception {
        try (ManualLoop own = new ManualLoop()) {
            EventLoop l = own.loop;
            List<String> order = new ArrayList<>();
            own.run(() -> {
                l.spawnCoroutine("A", () -> {
                    for (int i = 0; i < 3; i++) {
                        order.add("A" + i);
                        if (i < 2) {
                            await(l.sleep(Duration.ofSeconds(1)));
                        }
                    }
                });
                l.spawnCoroutine("B", () -> {
                    order.add("B0");
                    await(l.sleep(Duration.ofSeconds(2)));
                    order.add("B1");
                });
                l.spawnCoroutine("C", () -> {
                    for (int i = 0; i < 4; i++) {
                        order.add("C" + i);
                        await(l.completed(i));
                    }
                });
            });
            own.advance(Duration.ofSeconds(1));
            own.advance(Duration.ofSeconds(1));
            return order;
        }
    }

    @Test
    void aCoroutineThatHoldsTheLoopIsNamedInTheSlowCallbackReport() throws Exception {
        List<SlowCallback> slow = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoopListener listener = new LoopListener() {
            @Override
            public void slowCallback(SlowCallback report) {
                slow.add(report);
            }

            @Override
            public void callbackFailed(Object callback, RuntimeException failure) {
            }

            @Override
            public void taskFailed(String taskName, Throwable failure) {
            }
        };
        LoopOptions options = LoopOptions.defaults().withDebug(true).withSlowCallbackThreshold(Duration.ofMillis(5))
                .withListener(listener);
        try (EventLoop real = EventLoop.start(options)) {  // the real clock: callbacks are timed by the loop's clock
            real.submit(() -> real.spawnCoroutine("hog", () -> {
                await(real.completed(null));
                long until = System.nanoTime() + Duration.ofMillis(20).toNanos();
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();  // never awaits: it holds the loop, as in asyncio
                }
            })).get(5, TimeUnit.SECONDS);
            assertTrue(slow.stream().anyMatch(r -> r.callback().equals("coroutine 'hog'")), slow.toString());
        }
    }

    @Test
    void asyncioPrimitivesWorkWithAwait() throws Exception {
        LoopTask<String> task = spawn("primitives", () -> {
            StringBuilder out = new StringBuilder();
            AsyncQueue<Integer> queue = new AsyncQueue<>(loop, 1);
            loop.spawnCoroutine("producer", () -> {
                for (int i = 1; i <= 3; i++) {
                    await(queue.put(i));
                }
            });
            for (int i = 0; i < 3; i++) {
                out.append(await(queue.get()));
            }
            AsyncSemaphore semaphore = new AsyncSemaphore(loop, 1);
            try (var permit = Coroutine.acquire(semaphore)) {
                out.append(semaphore.available());
            }
            out.append(semaphore.available());
            AsyncIterator<Integer> numbers = countdown(2);
            for (int n : Coroutine.each(numbers)) {
                out.append(n);
            }
            List<String> closed = new ArrayList<>();
            try (var scope = Coroutine.closing(() -> loop.sleep(Duration.ofSeconds(1)).map(v -> {
                closed.add("closed");
                return null;
            }))) {
                out.append("|");
            }
            out.append(closed);
            try {
                await(loop.waitFor(loop.sleep(Duration.ofSeconds(5)), Duration.ofSeconds(1)));
            } catch (AsyncTimeoutException e) {
                out.append("timeout");
            }
            out.append(await(loop.gather(List.of(loop.completed("x"), loop.completed("y")))));
            return out.toString();
        });
        m.advance(Duration.ofSeconds(1));
        m.advance(Duration.ofSeconds(1));
        assertEquals("12301" + "21" + "|[closed]" + "timeout" + "[x, y]", m.call(task::result));
    }

    private AsyncIterator<Integer> countdown(int from) {
        int[] left = {from};
        return () -> loop.completed(left[0] > 0 ? Optional.of(left[0]--) : Optional.empty());
    }

    @Test
    void runFromAnotherThreadReturnsTheOutcome() throws Exception {
        assertEquals("done", Coroutine.run(loop, "main", () -> {
            await(loop.completed(null));
            return "done";
        }).get(5, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> Coroutine.run(loop, "main", () -> {
            throw new IllegalStateException("no");
        }).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }
}
