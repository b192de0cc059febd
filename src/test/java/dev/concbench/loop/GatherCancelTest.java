package dev.concbench.loop;

import static dev.concbench.loop.Coroutine.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cancelling a gather, as asyncio 3.11's: it cancels the children and completes (cancelled) only
 * once every child is done, so a coroutine child's cleanup, awaits included, is over by the time
 * {@code waitFor}'s timeout or the awaiting coroutine's cancellation is seen.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GatherCancelTest {

    /** A coroutine child that parks for an hour and awaits in its finally block. */
    private static LoopTask<String> slowToStop(EventLoop loop, String name) {
        return loop.spawnCoroutine(name, () -> {
            try {
                Coroutine.sleep(Duration.ofHours(1));
                return "not reached";
            } finally {
                Coroutine.sleep(Duration.ofMillis(5));
            }
        });
    }

    private static String states(List<LoopTask<String>> kids) {
        StringBuilder s = new StringBuilder();
        kids.forEach(k -> s.append(k.name()).append(k.isDone() ? (k.isCancelled() ? ":cancelled " : ":done ") : ":running "));
        return s.toString().trim();
    }

    @Test
    void waitForTimesOutOnlyOnceTheGatheredChildrenAreDone() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            String seen = Coroutine.run(loop, "main", () -> {
                EventLoop l = Coroutine.loop();
                List<LoopTask<String>> kids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    kids.add(slowToStop(l, "kid" + i));
                }
                try {
                    return "result " + await(l.waitFor(l.gather(kids), Duration.ofMillis(10)));
                } catch (AsyncTimeoutException e) {
                    return states(kids);
                }
            }).get(20, TimeUnit.SECONDS);
            assertEquals("kid0:cancelled kid1:cancelled kid2:cancelled", seen);
        }
    }

    @Test
    void cancellingTheAwaitingCoroutineWaitsForTheGatheredChildren() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            String seen = Coroutine.run(loop, "main", () -> {
                EventLoop l = Coroutine.loop();
                List<LoopTask<String>> kids = List.of(slowToStop(l, "a"), slowToStop(l, "b"));
                LoopFuture<List<String>> gathered = l.gather(kids);
                LoopTask<String> parent = l.spawnCoroutine("parent", () -> {
                    try {
                        return "result " + await(gathered);
                    } catch (CancellationException e) {
                        return states(kids) + " gather cancelled=" + gathered.isCancelled();
                    }
                });
                Coroutine.sleep(Duration.ofMillis(5));
                parent.cancel();
                return await(parent);
            }).get(20, TimeUnit.SECONDS);
            assertEquals("a:cancelled b:cancelled gather cancelled=true", seen);
        }
    }

    @Test
    void cancellingAGatherOfPlainFuturesIsStillImmediate() throws Exception {
        try (EventLoop loop = EventLoop.start()) {
            boolean cancelledAtOnce = loop.submit(() -> {
                LoopFuture<List<Object>> gathered = loop.gather(List.of(loop.newFuture(), loop.newFuture()));
                gathered.cancel();
                return loop.completed(gathered.isCancelled());
            }).get(20, TimeUnit.SECONDS);
            assertTrue(cancelledAtOnce);
        }
    }
}
