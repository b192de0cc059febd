package dev.concbench.loop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop runs ready callbacks in batches (callbacks scheduled during a turn may run in the same
 * turn), so the batch budget is all that stands between a flood of ready callbacks and starved
 * I/O: these tests flood the ready queue so it is never empty and prove I/O and timers still run.
 */
@Timeout(10)
class FairnessTest {

    /** Callbacks that reschedule themselves forever: the ready queue never empties until stopped. */
    private static final class Flood implements AutoCloseable {
        private final EventLoop loop;
        private final AtomicLong runs = new AtomicLong();
        private volatile boolean stop;

        Flood(EventLoop loop, int chains) {
            this.loop = loop;
            for (int i = 0; i < chains; i++) {
                loop.execute(this::step);
            }
        }

        /** Lets the chains end, so the loop's shutdown drain can finish. */
        @Override
        public void close() {
            stop = true;
        }

        private void step() {
            runs.incrementAndGet();
            if (!stop) {
                loop.execute(this::step);
            }
        }
    }

    @Test
    void aFloodOfReadyCallbacksCannotStarveIo() throws Exception {
        Pipe pipe = Pipe.open();
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("flooded-loop"))) {
            CompletableFuture<Long> readAfterFloodRuns = new CompletableFuture<>();
            try (Flood flood = new Flood(loop, 8)) {
            loop.submit(() -> {
                try {
                    loop.register(pipe.source(), SelectionKey.OP_READ, (registration, ops) -> {
                        pipe.source().read(ByteBuffer.allocate(8));
                        registration.cancel();
                        readAfterFloodRuns.complete(flood.runs.get());
                    });
                } catch (java.io.IOException e) {
                    return loop.failed(e);
                }
                return loop.completed(null);
            }).get(5, TimeUnit.SECONDS);
            long before = flood.runs.get();
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            long runsAtRead = readAfterFloodRuns.get(5, TimeUnit.SECONDS);
            assertTrue(runsAtRead > before, "the flood was running when the read happened");
            long afterRead = flood.runs.get();
            waitUntil(() -> flood.runs.get() > afterRead);  // and it is still running: the queue never emptied
            }
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void aFloodOfReadyCallbacksCannotStarveTimers() throws Exception {
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("flooded-loop"))) {
            try (Flood flood = new Flood(loop, 8)) {
                CompletableFuture<Long> fired = new CompletableFuture<>();
                loop.callLater(Duration.ofMillis(5), () -> fired.complete(flood.runs.get()));
                assertTrue(fired.get(5, TimeUnit.SECONDS) > 0);
                long afterTimer = flood.runs.get();
                waitUntil(() -> flood.runs.get() > afterTimer);
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }
}
