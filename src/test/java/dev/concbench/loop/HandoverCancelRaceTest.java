package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cancel race of asyncio's primitives: a waiter is handed a permit or an item, and is cancelled
 * before it runs on. Nothing may be lost (the permit goes to the next waiter, the item back to the
 * queue), and a put that took effect is either undone or not reported as cancelled; in coroutine
 * and in callback style.
 */
@Timeout(20)
class HandoverCancelRaceTest {

    private final ManualLoop m = new ManualLoop();
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void aPermitHandedToACancelledCoroutineGoesToTheNextWaiter() throws Exception {
        AsyncSemaphore sem = m.call(() -> new AsyncSemaphore(loop, 1));
        assertTrue(m.call(sem::tryAcquire));
        LoopTask<String> b = m.call(() -> loop.spawnCoroutine("B", () -> {
            try (var permit = Coroutine.acquire(sem)) {
                return "B got the permit";
            }
        }));
        m.settle();
        LoopFuture<Void> c = m.call(() -> {
            LoopFuture<Void> next = sem.acquire();  // C waits behind B
            sem.release();  // handed to B...
            b.cancel();  // ...which is cancelled before it runs on
            return next;
        });
        m.settle();
        assertTrue(m.call(b::isCancelled));
        assertTrue(m.call(c::isSucceeded), "the permit B did not take went on to C");
        assertEquals(0, m.call(sem::available));
        m.run(sem::release);
        assertEquals(1, m.call(sem::available), "the one permit is back, none lost, none made up");
    }

    @Test
    void aPermitHandedToACancelledCallbackChainIsReleased() throws Exception {
        AsyncSemaphore sem = m.call(() -> new AsyncSemaphore(loop, 1));
        assertTrue(m.call(sem::tryAcquire));
        List<String> ran = new ArrayList<>();
        m.run(() -> {
            LoopFuture<String> chain = sem.acquire().map(v -> {
                ran.add("holder ran");
                return "held";
            });
            sem.release();  // the permit is handed to the chain...
            chain.cancel();  // ...which is cancelled before its callback runs
        });
        m.settle();
        assertEquals(List.of(), ran);
        assertEquals(1, m.call(sem::available), "the permit came back");
    }

    @Test
    void anItemHandedToACancelledGetterStaysInTheQueue() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 10));
        LoopTask<String> getter = m.call(() -> loop.spawnCoroutine("getter", () -> await(q.get())));
        m.settle();
        m.run(() -> {
            q.offer("precious");  // handed to the getter...
            getter.cancel();  // ...which is cancelled before it runs on
        });
        m.settle();
        assertTrue(m.call(getter::isCancelled));
        assertEquals(1, m.call(q::size));
        LoopFuture<String> next = m.call(q::get);
        m.settle();
        assertEquals("precious", m.call(next::result));
        assertEquals(1, m.call(q::unfinished));
        m.run(q::taskDone);
        assertTrue(m.call(() -> q.join().isDone()), "join returns once the item is processed");
    }

    @Test
    void anItemHandedToACancelledCallbackChainStaysInTheQueue() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 10));
        m.run(() -> {
            LoopFuture<String> chain = q.get().map(item -> item + " taken");
            q.offer("precious");
            chain.cancel();
        });
        m.settle();
        assertEquals(1, m.call(q::size), "the item went back");
    }

    @Test
    void aPutAdmittedToACancelledCoroutineIsWithdrawn() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 1));
        assertTrue(m.call(() -> q.offer("first")));
        LoopTask<String> putter = m.call(() -> loop.spawnCoroutine("putter", () -> {
            await(q.put("second"));
            return "put";
        }));
        m.settle();
        m.run(() -> {
            q.get();  // frees the room: "second" is admitted...
            putter.cancel();  // ...and its putter cancelled before it runs on
        });
        m.settle();
        assertTrue(m.call(putter::isCancelled));
        assertEquals(0, m.call(q::size), "a put reported as cancelled did not happen");
        assertEquals(1, m.call(q::unfinished), "only 'first' is unfinished");
    }

    @Test
    void aPutWhoseItemWasAlreadyTakenIsNotReportedAsCancelled() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 1));
        assertTrue(m.call(() -> q.offer("first")));
        List<String> seen = new ArrayList<>();
        LoopTask<String> putter = m.call(() -> loop.spawnCoroutine("putter", () -> {
            await(q.put("second"));
            seen.add("put returned");
            Coroutine.yieldNow();  // the request is delivered here
            return "not reached";
        }));
        m.settle();
        List<LoopFuture<String>> gets = m.call(() -> {
            List<LoopFuture<String>> two = List.of(q.get(), q.get());  // the second get takes "second" at once
            putter.cancel();
            return two;
        });
        m.settle();
        assertEquals("second", m.call(gets.get(1)::result));
        assertEquals(List.of("put returned"), seen, "the put took effect and returned");
        assertTrue(m.call(putter::isCancelled), "the request reached the coroutine at its next await");
        assertFalse(m.call(() -> q.size() > 0));
    }
}
