package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ready queue runs Runnables and futures' first done-callbacks in FIFO order, across wrap-around and growth. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReadyQueueTest {

    @Test
    void mixedEntriesRunInFifoOrderWhileTheRingWrapsAndGrows() {
        // futures take done-callbacks on their loop's thread only: build and drain the queue there
        List<String> ran = EventLoop.run(LoopOptions.defaults(), loop -> loop.completed(fillAndDrain(loop)));
        for (int i = 0; i < ran.size(); i++) {
            assertEquals("e" + i, ran.get(i));
        }
        assertEquals(300, ran.size());
    }

    @Test
    void aFutureLetsGoOfItsCallbackOnceItRan() {
        String seen = EventLoop.run(LoopOptions.defaults(), loop -> {
            LoopFuture<String> f = loop.newFuture();
            List<String> got = new ArrayList<>();
            f.onDone(done -> got.add(done.result())); // held as the future's first callback
            f.complete("value");
            LoopFuture<String> after = loop.newFuture();
            f.onDone(done -> after.complete(got + " then " + done.result())); // runs after the first
            return after;
        });
        assertEquals("[value] then value", seen);
    }

    @Test
    void doneCallbacksOfEitherKindRunInTheOrderRegistered() {
        List<String> ran = EventLoop.run(LoopOptions.defaults(), loop -> {
            List<String> order = new ArrayList<>();
            LoopFuture<String> many = loop.newFuture();
            many.onDone(done -> order.add("consumer " + done.result()));
            many.whenDone(() -> order.add("runnable"));  // a coroutine's resume registers this way
            many.onDone(new BothKinds(order));  // a Consumer that is also a Runnable is accepted, not run
            many.complete("a");
            LoopFuture<String> one = loop.newFuture();
            one.onDone(new BothKinds(order));  // the same as the only callback
            one.complete("b");
            LoopFuture<List<String>> all = loop.newFuture();
            one.onDone(done -> all.complete(order));
            return all;
        });
        assertEquals(List.of("consumer a", "runnable", "accepted a", "accepted b"), ran);
    }

    /** A done-callback that is a Runnable too: only {@code accept} may be called. */
    private record BothKinds(List<String> order) implements Consumer<LoopFuture<String>>, Runnable {
        @Override
        public void accept(LoopFuture<String> done) {
            order.add("accepted " + done.result());
        }

        @Override
        public void run() {
            order.add("run, not accepted");
        }
    }

    /** 300 entries, alternately a Runnable and a completed future's callback, with polls in between. */
    private static List<String> fillAndDrain(EventLoop loop) {
        ReadyQueue q = new ReadyQueue(loop, Thread.currentThread(), false);
        List<String> ran = new ArrayList<>();
        int next = 0;
        // fill past the initial 64 entries with polls in between, so the ring wraps before it grows
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 30; i++, next++) {
                String name = "e" + next;
                if (next % 2 == 0) {
                    q.add(() -> ran.add(name));
                } else {
                    LoopFuture<String> f = loop.newFuture();
                    f.onDone(pending -> ran.add(name)); // held by the future; never completed, so never on the loop's queue
                    q.add(f);
                }
            }
            for (int i = 0; i < 10; i++) {
                ReadyQueue.run(q.poll());
            }
        }
        while (!q.isEmpty()) {
            ReadyQueue.run(q.poll());
        }
        assertNull(q.poll(), "empty");
        return ran;
    }
}
