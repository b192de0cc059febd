package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A coroutine's failures stay in its task, and its cancellation follows asyncio's order and semantics. */
@Timeout(20)
class CoroutineFailureTest {

    private final ManualLoop m = new ManualLoop();
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
    }

    private <T> LoopTask<T> spawn(String name, Coroutine.Body<T> body) throws Exception {
        return m.call(() -> loop.spawnCoroutine(name, body));
    }

    /** The loop still runs a coroutine to the end after whatever happened before. */
    private void assertLoopGoesOn() throws Exception {
        LoopTask<String> after = spawn("after", () -> await(loop.sleep(Duration.ofSeconds(1)).map(v -> "still running")));
        m.advance(Duration.ofSeconds(1));
        assertEquals("still running", m.call(after::result));
        assertEquals(LoopState.RUNNING, loop.state());
    }

    @Test
    void anAssertionErrorFailsItsTaskAndWhatAwaitsItNeverTheLoop() throws Exception {
        AssertionError broken = new AssertionError("invariant broken");
        LoopTask<String> failing = spawn("asserting", () -> {
            await(loop.sleep(Duration.ofSeconds(1)));
            throw broken;
        });
        LoopTask<String> awaiting = spawn("awaiting", () -> {
            try {
                return await(failing);
            } catch (AssertionError e) {
                return "saw " + e.getMessage();
            }
        });
        m.advance(Duration.ofSeconds(1));
        assertSame(broken, m.call(failing::exception));
        assertEquals("saw invariant broken", m.call(awaiting::result));
        assertLoopGoesOn();
    }

    @Test
    void aStackOverflowInABodyFailsOnlyItsTask() throws Exception {
        LoopTask<Integer> deep = spawn("deep", () -> {
            await(loop.completed(null));
            return recurse(0);
        });
        m.settle();
        assertInstanceOf(StackOverflowError.class, m.call(deep::exception));
        assertLoopGoesOn();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void anOutOfMemoryErrorFailsTheTaskAndThenStopsTheLoop() throws Exception {
        try (ManualLoop own = new ManualLoop()) {
            CompletableFuture<Object> outcome = Coroutine.run(own.loop, "oom", () -> {
                await(own.loop.completed(null));
                throw new OutOfMemoryError("simulated");  // the JVM may not go on: the loop must not pretend it can
            });
            // the task failed with the error; the loop then stopped, so the bridge may report the stop instead
            Exception failed = assertThrows(Exception.class, () -> outcome.get(5, TimeUnit.SECONDS));
            Throwable cause = failed instanceof ExecutionException ? failed.getCause() : failed;
            assertTrue(cause instanceof OutOfMemoryError || cause instanceof CancellationException, String.valueOf(cause));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (own.loop.state() != LoopState.FAILED && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(LoopState.FAILED, own.loop.state());
        }
    }

    @Test
    void theTaskIsDoneOnlyAfterTheCoroutinesCleanupHasRun() throws Exception {
        List<String> order = new ArrayList<>();
        LoopTask<String> task = spawn("cleaning", () -> {
            try {
                return await(loop.sleep(Duration.ofSeconds(10)).map(v -> "woke"));
            } finally {
                order.add("finally");
            }
        });
        m.run(() -> task.onDone(t -> order.add("task done")));
        m.settle();
        assertTrue(m.call(task::cancel), "a pending task accepts the request");
        m.settle();
        assertEquals(List.of("finally", "task done"), order);
        assertTrue(m.call(task::isCancelled));
    }

    @Test
    void aCoroutineThatSwallowsTheCancellationGoesOnAndItsTaskHasItsValue() throws Exception {
        List<String> seen = new ArrayList<>();
        LoopTask<String> task = spawn("stubborn", () -> {
            try {
                await(loop.sleep(Duration.ofSeconds(10)));
            } catch (CancellationException e) {
                seen.add("swallowed");
            }
            await(loop.sleep(Duration.ofSeconds(1)));  // the request was delivered once: this await is not cancelled
            seen.add("went on");
            return "finished anyway";
        });
        m.settle();
        assertTrue(m.call(task::cancel));
        m.settle();
        assertEquals(List.of("swallowed"), seen);
        assertFalse(task.isDone(), "the coroutine is still running, so its task is not done");
        m.advance(Duration.ofSeconds(1));
        assertEquals(List.of("swallowed", "went on"), seen);
        assertFalse(m.call(task::isCancelled));
        assertEquals("finished anyway", m.call(task::result));
        assertFalse(m.call(task::cancel), "a done task refuses the request");
    }

    @Test
    void aSecondCancelIsANewRequestDeliveredAtTheNextAwait() throws Exception {
        LoopTask<String> task = spawn("twice", () -> {
            try {
                await(loop.sleep(Duration.ofSeconds(10)));
            } catch (CancellationException e) {
                // swallowed once
            }
            return await(loop.sleep(Duration.ofSeconds(10)).map(v -> "not reached"));
        });
        m.settle();
        m.run(task::cancel);
        m.settle();
        assertFalse(task.isDone());
        m.run(task::cancel);
        m.settle();
        assertTrue(m.call(task::isCancelled));
    }

    @Test
    void aCoroutineThatCancelsItselfIsCancelledAtItsNextAwaitOrWhenItReturns() throws Exception {
        List<String> seen = new ArrayList<>();
        LoopTask<String> atAwait = m.call(() -> {
            List<LoopTask<String>> self = new ArrayList<>(1);
            self.add(loop.spawnCoroutine("self", () -> {
                self.getFirst().cancel();
                try {
                    await(loop.completed("done already"));
                    return "not reached";
                } catch (CancellationException e) {
                    seen.add("cancelled at await");
                    throw e;
                }
            }));
            return self.getFirst();
        });
        m.settle();
        assertEquals(List.of("cancelled at await"), seen);
        assertTrue(m.call(atAwait::isCancelled));

        LoopTask<String> atReturn = m.call(() -> {
            List<LoopTask<String>> self = new ArrayList<>(1);
            self.add(loop.spawnCoroutine("returning", () -> {
                self.getFirst().cancel();
                return "returned";
            }));
            return self.getFirst();
        });
        m.settle();
        assertTrue(m.call(atReturn::isCancelled), "asyncio: a request pending when the coroutine returns cancels the task");
    }

    @Test
    void cancellingAParentParkedOnAChildCancelsTheChildFirst() throws Exception {
        List<String> order = new ArrayList<>();
        LoopTask<String> parent = spawn("parent", () -> {
            LoopTask<String> child = loop.spawnCoroutine("child", () -> {
                try {
                    return await(loop.sleep(Duration.ofSeconds(10)).map(v -> "child"));
                } finally {
                    order.add("child finally");
                }
            });
            try {
                return await(child);
            } finally {
                order.add("parent finally");
            }
        });
        m.settle();
        m.run(parent::cancel);
        m.settle();
        assertEquals(List.of("child finally", "parent finally"), order);
        assertTrue(m.call(parent::isCancelled));
    }

    @Test
    void waitForOnACoroutineCancelsItAndTimesOutOnceItsCleanupHasRun() throws Exception {
        List<String> order = new ArrayList<>();
        LoopTask<String> caller = spawn("caller", () -> {
            LoopTask<String> slow = loop.spawnCoroutine("slow", () -> {
                try {
                    return await(loop.sleep(Duration.ofSeconds(10)).map(v -> "slow result"));
                } catch (CancellationException e) {
                    order.add("slow saw the cancellation");
                    throw e;
                }
            });
            try {
                return await(loop.waitFor(slow, Duration.ofSeconds(1)));
            } catch (AsyncTimeoutException e) {
                order.add("caller timed out");
                return "timed out";
            }
        });
        m.advance(Duration.ofSeconds(1));
        assertEquals("timed out", m.call(caller::result));
        // as asyncio's wait_for: the timeout is raised once the cancelled coroutine has handled the cancellation
        assertEquals(List.of("slow saw the cancellation", "caller timed out"), order);
    }
}
