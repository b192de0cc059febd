package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The give-back of a {@link Handover} follows the wrappers that carry its value ({@code waitFor},
 * {@code map}, chains of them), and a cancelled put withdraws its own queue entry, never an
 * identical item put by someone else.
 */
@Timeout(20)
class HandoverThroughWrappersTest {

    private final ManualLoop m = new ManualLoop();
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void aPermitAwaitedThroughWaitForGoesBackWhenTheCoroutineIsCancelled() throws Exception {
        AsyncSemaphore sem = m.call(() -> new AsyncSemaphore(loop, 1));
        assertTrue(m.call(sem::tryAcquire));
        LoopTask<String> b = m.call(() -> loop.spawnCoroutine("B",
                () -> {
                    await(loop.waitFor(sem.acquire(), Duration.ofSeconds(5)));
                    return "B got the permit";
                }));
        m.settle();
        m.run(() -> {
            sem.release();  // handed to B's acquire, copied by waitFor...
            loop.execute(b::cancel);  // ...and B is cancelled before it runs on
        });
        m.settle();
        assertTrue(m.call(b::isCancelled));
        assertEquals(1, m.call(sem::available), "the permit came back through waitFor");
    }

    @Test
    void anItemAwaitedThroughMapGoesBackWhenTheCoroutineIsCancelled() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 10));
        LoopTask<String> g = m.call(() -> loop.spawnCoroutine("getter", () -> await(q.get().map(String::toUpperCase))));
        m.settle();
        m.run(() -> {
            q.offer("precious");
            loop.execute(g::cancel);
        });
        m.settle();
        assertTrue(m.call(g::isCancelled));
        assertEquals(1, m.call(q::size), "the item came back through map");
        assertEquals("precious", m.call(() -> q.get().result()));
    }

    @Test
    void anItemInAChainOfTwoMapsCancelledBetweenThemGoesBack() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 10));
        LoopFuture<String> chain = m.call(() -> q.get().map(s -> s + "!").map(s -> s + "?"));
        m.run(() -> {
            q.offer("precious");
            loop.execute(chain::cancel);  // after the first map ran, before the second
        });
        m.settle();
        assertTrue(m.call(chain::isCancelled));
        assertEquals(1, m.call(q::size), "the item came back through two links");
    }

    @Test
    void aCancelledPutLeavesAnIdenticalItemOfAnotherProducerInTheQueue() throws Exception {
        AsyncQueue<Integer> q = m.call(() -> new AsyncQueue<>(loop, 1));
        Integer job = 7;
        m.run(() -> q.offer(0));
        LoopTask<String> p = m.call(() -> loop.spawnCoroutine("putter", () -> {
            await(q.put(job));
            return "put";
        }));
        m.settle();
        m.run(() -> {
            q.get();  // takes 0: the putter's 7 enters the queue
            q.get();  // a getter takes the putter's 7: the put took effect
            q.offer(job);  // another producer queues the very same object
            p.cancel();  // the putter is cancelled before it runs on
        });
        m.settle();
        assertEquals(1, m.call(q::size), "the other producer's 7 is still queued");
        assertEquals(3, m.call(q::unfinished), "three items were put, none withdrawn");
    }
}
