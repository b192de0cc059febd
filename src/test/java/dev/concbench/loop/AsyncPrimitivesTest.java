package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** gather, wait_for, Queue, Semaphore, async iteration and async with, as the seed describes them; time is manual. */
@Timeout(10)
class AsyncPrimitivesTest {

    private final ManualLoop m = new ManualLoop();
    private final EventLoop loop = m.loop;

    @AfterEach
    void close() {
        m.close();
    }

    private LoopFuture<String> after(int seconds, String value) {
        return loop.sleep(Duration.ofSeconds(seconds)).map(v -> value);
    }

    @Test
    void gatherReturnsResultsInArgumentOrderAfterTheLongestNotTheSum() throws Exception {
        LoopFuture<List<String>> all = m.call(() -> loop.gather(List.of(after(2, "A"), after(1, "B"), after(3, "C"))));
        m.advance(Duration.ofSeconds(2));
        assertFalse(all.isDone());
        m.advance(Duration.ofSeconds(1));
        assertEquals(List.of("A", "B", "C"), m.call(all::result));
    }

    @Test
    void gatherFailsFastWithTheFirstFailureAndLeavesTheOthersRunning() throws Exception {
        LoopFuture<String> slow = m.call(() -> after(5, "slow"));
        LoopFuture<String> failing = m.call(() -> loop.sleep(Duration.ofSeconds(1))
                .then(v -> loop.<String>failed(new IllegalStateException("no"))));
        LoopFuture<List<String>> all = m.call(() -> loop.gather(List.of(slow, failing)));
        m.advance(Duration.ofSeconds(1));
        assertInstanceOf(IllegalStateException.class, m.call(all::exception));
        assertFalse(slow.isDone());
    }

    @Test
    void gatherSettledReportsEveryOutcome() throws Exception {
        LoopFuture<List<Outcome<String>>> all = m.call(() -> loop.gatherSettled(List.of(
                after(1, "ok"), loop.<String>failed(new IllegalStateException("no")))));
        m.advance(Duration.ofSeconds(1));
        List<Outcome<String>> outcomes = m.call(all::result);
        assertEquals("ok", outcomes.get(0).value());
        assertInstanceOf(IllegalStateException.class, outcomes.get(1).failure());
    }

    @Test
    void cancellingAGatherCancelsItsChildren() throws Exception {
        LoopFuture<String> a = m.call(() -> after(1, "a"));
        LoopFuture<String> b = m.call(() -> after(2, "b"));
        LoopFuture<List<String>> all = m.call(() -> loop.gather(List.of(a, b)));
        m.run(all::cancel);
        assertTrue(m.call(a::isCancelled));
        assertTrue(m.call(b::isCancelled));
    }

    @Test
    void waitForTimesOutAtTheTimeoutAndCancelsTheWork() throws Exception {
        LoopFuture<String> work = m.call(() -> after(10, "Complete"));
        LoopFuture<String> bounded = m.call(() -> loop.waitFor(work, Duration.ofSeconds(3)));
        m.advance(Duration.ofMillis(2999));
        assertFalse(bounded.isDone());
        m.advance(Duration.ofMillis(1));
        assertInstanceOf(AsyncTimeoutException.class, m.call(bounded::exception));
        assertTrue(m.call(work::isCancelled));
    }

    @Test
    void waitForPassesTheResultThroughWhenInTime() throws Exception {
        LoopFuture<String> bounded = m.call(() -> loop.waitFor(after(1, "fast"), Duration.ofSeconds(3)));
        m.advance(Duration.ofSeconds(1));
        assertEquals("fast", m.call(bounded::result));
        m.advance(Duration.ofSeconds(5));
        assertEquals("fast", m.call(bounded::result));
    }

    @Test
    void boundedQueueMakesPutWaitUntilAGetFreesRoom() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 2));
        LoopFuture<Void> p1 = m.call(() -> q.put("a"));
        LoopFuture<Void> p2 = m.call(() -> q.put("b"));
        LoopFuture<Void> p3 = m.call(() -> q.put("c"));
        m.settle();
        assertTrue(p1.isDone() && p2.isDone());
        assertFalse(p3.isDone());
        LoopFuture<String> first = m.call(q::get);
        m.settle();
        assertEquals("a", m.call(first::result));
        assertTrue(p3.isDone());
        assertEquals(2, (int) m.call(q::size));
    }

    @Test
    void queueGetWaitsForAPutAndServesWaitersInOrder() throws Exception {
        AsyncQueue<Integer> q = m.call(() -> new AsyncQueue<>(loop, 10));
        LoopFuture<Integer> g1 = m.call(q::get);
        LoopFuture<Integer> g2 = m.call(q::get);
        m.run(() -> {
            q.put(1);
            q.put(2);
        });
        m.settle();
        assertEquals(1, (int) m.call(g1::result));
        assertEquals(2, (int) m.call(g2::result));
    }

    @Test
    void queueJoinWaitsForEveryTaskDone() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 10));
        m.run(() -> {
            q.offer("x");
            q.offer("y");
        });
        LoopFuture<Void> joined = m.call(q::join);
        m.run(() -> {
            q.get();
            q.get();
            q.taskDone();
        });
        m.settle();
        assertFalse(joined.isDone());
        m.run(q::taskDone);
        m.settle();
        assertTrue(joined.isDone());
    }

    @Test
    void aCancelledGetterLosesNoItem() throws Exception {
        AsyncQueue<String> q = m.call(() -> new AsyncQueue<>(loop, 10));
        LoopFuture<String> cancelled = m.call(q::get);
        LoopFuture<String> live = m.call(q::get);
        m.run(cancelled::cancel);
        m.run(() -> q.offer("item"));
        m.settle();
        assertEquals("item", m.call(live::result));
    }

    @Test
    void semaphoreLetsAtMostItsPermitsRunAndReleasesOnFailure() throws Exception {
        AsyncSemaphore semaphore = m.call(() -> new AsyncSemaphore(loop, 3));
        int[] running = {0};
        int[] maxRunning = {0};
        LoopFuture<List<String>> all = m.call(() -> {
            List<LoopFuture<String>> requests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                requests.add(semaphore.withPermit(() -> {
                    running[0]++;
                    maxRunning[0] = Math.max(maxRunning[0], running[0]);
                    return loop.sleep(Duration.ofSeconds(1)).then(v -> {
                        running[0]--;
                        return n == 4 ? loop.<String>failed(new IllegalStateException("request 4")) : loop.completed("r" + n);
                    });
                }));
            }
            return loop.gatherSettled(requests).map(outcomes -> outcomes.stream().map(Outcome::toString).toList());
        });
        for (int second = 1; second <= 4; second++) {
            m.advance(Duration.ofSeconds(1));
        }
        assertEquals(10, m.call(all::result).size());
        assertEquals(3, maxRunning[0]);
        assertEquals(3, (int) m.call(semaphore::available));
    }

    @Test
    void aCancelledSemaphoreWaiterTakesNoPermit() throws Exception {
        AsyncSemaphore semaphore = m.call(() -> new AsyncSemaphore(loop, 1));
        LoopFuture<Void> held = m.call(semaphore::acquire);
        LoopFuture<Void> waiting = m.call(semaphore::acquire);
        m.run(waiting::cancel);
        m.run(semaphore::release);
        assertTrue(held.isDone());
        assertEquals(1, (int) m.call(semaphore::available));
    }

    @Test
    void asyncForVisitsAGeneratorsElementsLazilyInOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        int[] produced = {0};
        LoopFuture<Void> done = m.call(() -> AsyncGenerator.<Integer>of(loop, i -> {
            if (i == 3) {
                return loop.completed(Optional.empty());
            }
            produced[0]++;
            return loop.sleep(Duration.ofSeconds(1)).map(v -> Optional.of(i + 1));
        }).forEach(page -> {
            seen.add("page " + page + " after " + produced[0] + " produced");
            return loop.completed(null);
        }));
        for (int i = 0; i < 3; i++) {
            m.advance(Duration.ofSeconds(1));
        }
        assertNull(m.call(done::result));
        assertEquals(List.of("page 1 after 1 produced", "page 2 after 2 produced", "page 3 after 3 produced"),
                m.call(() -> List.copyOf(seen)));
    }

    @Test
    void aGeneratorRefusesASecondNextWhileRunning() throws Exception {
        AsyncGenerator<Integer> gen = m.call(() -> AsyncGenerator.of(loop,
                i -> loop.sleep(Duration.ofSeconds(1)).map(v -> Optional.of(i))));
        m.call(gen::next);
        LoopFuture<Optional<Integer>> second = m.call(gen::next);
        assertInstanceOf(IllegalStateException.class, m.call(second::exception));
    }

    @Test
    void asyncScopeClosesTheResourceWhenTheBodyFails() throws Exception {
        List<String> events = new ArrayList<>();
        AsyncResource resource = () -> {
            events.add("close");
            return loop.completed(null);
        };
        LoopFuture<String> scope = m.call(() -> AsyncScope.using(loop.completed(resource), r -> {
            events.add("body");
            return loop.<String>failed(new IllegalStateException("query failed"));
        }));
        m.settle();
        m.settle();
        assertInstanceOf(IllegalStateException.class, m.call(scope::exception));
        assertEquals(List.of("body", "close"), m.call(() -> List.copyOf(events)));
    }

    @Test
    void cancellingAScopeCancelsTheBodyAndStillCloses() throws Exception {
        List<String> events = new ArrayList<>();
        AsyncResource resource = () -> {
            events.add("close");
            return loop.completed(null);
        };
        LoopFuture<String> scope = m.call(() -> AsyncScope.using(loop.completed(resource),
                r -> loop.sleep(Duration.ofSeconds(10)).map(v -> "never")));
        m.settle();
        m.run(scope::cancel);
        m.settle();
        assertInstanceOf(CancellationException.class, m.call(scope::exception));
        assertEquals(List.of("close"), m.call(() -> List.copyOf(events)));
    }
}
