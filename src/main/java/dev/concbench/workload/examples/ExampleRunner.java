package dev.concbench.workload.examples;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link SeedExample} the way {@code asyncio.run(main())} does: on a fresh
 * {@link EventLoop}, blocking the caller until it ends, then closing the loop (and the offload
 * pool if the runner made one). Any thread except an event loop's own.
 *
 * <pre>{@code
 * ExampleResult r = ExampleRunner.run(Examples.require("gather"), ExampleSettings.quiet(Duration.ofMillis(20)));
 * r.elapsedUnits();   // about 3.0
 * }</pre>
 */
public final class ExampleRunner {

    private ExampleRunner() {
    }

    /**
     * Runs {@code example}; the last printed line is {@code elapsed: <units> units (<ms> ms)}.
     *
     * @throws CompletionException when the example's program failed
     */
    public static ExampleResult run(SeedExample example, ExampleSettings settings) {
        AtomicReference<ExecutorService> ownPool = new AtomicReference<>();
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("example-" + example.name()))) {
            ExampleContext ctx = new ExampleContext(loop, settings,
                    () -> settings.offload().orElseGet(() -> ownPool(ownPool, example)));
            long elapsed = loop.submit(() -> {
                long start = loop.now();
                return example.run(ctx).map(done -> {
                    long took = loop.now() - start;
                    ctx.print(ExampleResult.elapsedLine(took, settings.unit()));
                    return took;
                });
            }).join();
            return loop.submit(() -> loop.completed(
                    new ExampleResult(example.name(), ctx.output(), elapsed, settings.unit(), ctx.facts()))).join();
        } finally {
            ExecutorService pool = ownPool.get();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Executor ownPool(AtomicReference<ExecutorService> holder, SeedExample example) {
        return holder.updateAndGet(existing -> existing != null ? existing
                : Executors.newSingleThreadExecutor(Thread.ofPlatform().name("offload-" + example.name()).factory()));
    }
}
