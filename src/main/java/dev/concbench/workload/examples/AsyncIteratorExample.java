package dev.concbench.workload.examples;

import dev.concbench.loop.AsyncIterator;
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

        @Override
        public LoopFuture<Optional<Integer>> next() {
            if (current >= stop) {
                return ctx.loop().completed(Optional.empty());
            }
            return ctx.sleep(0.1).map(v -> Optional.of(++current));
        }
    }

    private AsyncIteratorExample() {
    }

    static LoopFuture<Void> run(ExampleContext ctx) {
        return new AsyncCounter(ctx, STOP).forEach(num -> {
            ctx.print("Count: " + num);
            return ctx.loop().completed(null);
        });
    }
}
