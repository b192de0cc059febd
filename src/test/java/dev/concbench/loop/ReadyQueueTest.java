package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ready queue runs Runnables and done-callbacks with their argument in FIFO order, across wrap-around and growth. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReadyQueueTest {

    @Test
    void mixedEntriesRunInFifoOrderWhileTheRingWrapsAndGrows() {
        ReadyQueue q = new ReadyQueue();
        List<String> ran = new ArrayList<>();
        Consumer<String> record = ran::add;
        int next = 0;
        int expected = 0;
        // fill past the initial 64 entries with polls in between, so the ring wraps before it grows
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 30; i++, next++) {
                String name = "e" + next;
                if (next % 2 == 0) {
                    q.add(() -> ran.add(name));
                } else {
                    q.add(record, name);
                }
            }
            for (int i = 0; i < 10; i++) {
                runOne(q);
                expected++;
            }
        }
        while (!q.isEmpty()) {
            runOne(q);
            expected++;
        }
        assertEquals(next, expected);
        for (int i = 0; i < next; i++) {
            assertEquals("e" + i, ran.get(i));
        }
        assertNull(q.poll(), "empty");
    }

    @Test
    void theQueueLetsGoOfAnArgumentOnceTaken() {
        ReadyQueue q = new ReadyQueue();
        q.add((Consumer<Object>) o -> { }, "future");
        assertTrue(q.poll() != null);
        assertEquals("future", q.polledArgument());
        assertNull(q.polledArgument(), "taken once");
    }

    private static void runOne(ReadyQueue q) {
        Object callback = q.poll();
        ReadyQueue.run(callback, q.polledArgument());
    }
}
