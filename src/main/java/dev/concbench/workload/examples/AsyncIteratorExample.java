package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncIterator;
import dev.concbench.loop.Coroutine;
import dev.concbench.loop.LoopFuture;
import java.util.Optional;

/** The seed's {@code AsyncCounter(5)}: {@code async for} with 0.1 s per step; about 0.5 units. */
final class AsyncIteratorExample {

    private static final int STOP = 5;

    /** The seed's {@code AsyncCounter}: {@code __anext__} sleeps 0.1 s, then counts. */
    private static final class AsyncCounter implements AsyncIterator<Integer> {

        private final ExampleContext ctx;
        private final int stop;
        private int current;

        AsyncCounter(ExampleContext ctx, int stop) {
            this.ctx = ctx;
            this.stop = stop;
        }

        /** {@code async def __anext__}: a coroutine per step. */
        @Override
        public LoopFuture<Optional<Integer>> next() {
            return ctx.loop().spawnCoroutine("anext", () -> {
                if (current >= stop) {
                    return Optional.empty();  // raise StopAsyncIteration
                }
                ctx.sleep(0.1);
                current++;
                return Optional.of(current);
            });
        }
    }

    private AsyncIteratorExample() {
    }

    /** {@code async for num in AsyncCounter(5): print(f"Count: {num}")}. */
    static void run(ExampleContext ctx) {
        for (int num : Coroutine.each(new AsyncCounter(ctx, STOP))) {
            ctx.print("Count: " + num);
        }
    }
}
