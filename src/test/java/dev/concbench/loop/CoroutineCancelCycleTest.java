package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Awaiting one's own task fails at once, and cancelling coroutines that await each other ends
 * (each task cancelled once) instead of passing the request round until the loop thread overflows.
 */
@Timeout(20)
class CoroutineCancelCycleTest {

    private final RecordingListener listener = new RecordingListener();
    private final ManualLoop m = new ManualLoop(LoopOptions.defaults().withListener(listener));
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void aCoroutineThatAwaitsItsOwnTaskFailsAtOnce() throws Exception {
        List<LoopTask<Object>> self = new ArrayList<>(1);
        m.run(() -> self.add(loop.spawnCoroutine("self", () -> {
            Coroutine.yieldNow();
            return await(self.getFirst());
        })));
        m.settle();
        Throwable failure = m.call(() -> self.getFirst().isDone() ? self.getFirst().exception() : null);
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, failure);
        assertTrue(e.getMessage().contains("cannot await its own task"), e.getMessage());
        assertEquals(LoopState.RUNNING, loop.state());
    }

    @Test
    void cancellingOneOfTwoCoroutinesThatAwaitEachOtherCancelsEachOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        List<LoopTask<Object>> pair = awaitingEachOther(seen);
        assertTrue(m.call(pair.getFirst()::cancel));
        m.settle();
        assertEquals(List.of("A cancelled", "B cancelled"), seen, "each task sees the request once, A first");
        assertTrue(m.call(pair.getFirst()::isCancelled));
        assertTrue(m.call(pair.get(1)::isCancelled));
        assertLoopGoesOn();
    }

    @Test
    void waitForOnACycleTimesOutAndTheLoopGoesOn() throws Exception {
        List<String> seen = new ArrayList<>();
        List<LoopTask<Object>> pair = awaitingEachOther(seen);
        LoopFuture<Object> timed = m.call(() -> loop.waitFor(pair.getFirst(), Duration.ofSeconds(1)));
        m.advance(Duration.ofSeconds(1));
        assertInstanceOf(AsyncTimeoutException.class, m.call(timed::exception));
        assertEquals(List.of("A cancelled", "B cancelled"), seen);
        assertLoopGoesOn();
    }

    @Test
    void closingTheLoopCancelsACycleAndTerminates() throws Exception {
        List<String> seen = new ArrayList<>();
        awaitingEachOther(seen);
        loop.close();
        assertEquals(LoopState.TERMINATED, loop.state());
        assertEquals(2, seen.size(), "both coroutines saw the cancellation: " + seen);
        assertEquals(List.of(), listener.taskFailures, "no task was left running");
    }

    /** A and B, each parked on the other's task; what each sees of a cancellation is added to {@code seen}. */
    private List<LoopTask<Object>> awaitingEachOther(List<String> seen) throws Exception {
        List<LoopTask<Object>> pair = new ArrayList<>(2);
        m.run(() -> {
            pair.add(loop.spawnCoroutine("A", () -> awaitNoting(pair, 1, "A", seen)));
            pair.add(loop.spawnCoroutine("B", () -> awaitNoting(pair, 0, "B", seen)));
        });
        m.settle();
        return pair;
    }

    private static Object awaitNoting(List<LoopTask<Object>> pair, int other, String name, List<String> seen) {
        Coroutine.yieldNow();
        try {
            return await(pair.get(other));
        } catch (CancellationException e) {
            seen.add(name + " cancelled");
            throw e;
        }
    }

    private void assertLoopGoesOn() throws Exception {
        LoopTask<String> after = m.call(() -> loop.spawnCoroutine("after", () -> {
            Coroutine.yieldNow();
            return "still running";
        }));
        m.settle();
        assertEquals("still running", m.call(after::result));
        assertEquals(LoopState.RUNNING, loop.state());
    }
}
