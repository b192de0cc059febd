package dev.concbench.workload.examples;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link SeedExample} the way {@code asyncio.run(main())} does: on a fresh
 * {@link EventLoop}, blocking the caller until it ends, then closing the loop (and the offload
 * pool if the runner made one); no thread it started outlives {@link #run}. Any thread except an
 * event loop's own.
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
        AtomicReference<OwnPool> ownPool = new AtomicReference<>();
        try (EventLoop loop = EventLoop.start(LoopOptions.defaults().withThreadName("example-" + example.name()))) {
            ExampleContext ctx = new ExampleContext(loop, settings,
                    () -> settings.offload().orElseGet(() -> ownPool.updateAndGet(
                            existing -> existing != null ? existing : new OwnPool("offload-" + example.name())).executor));
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
            OwnPool pool = ownPool.get();
            if (pool != null) {
                pool.close();
            }
        }
    }

    /**
     * The offload thread the runner starts when the settings bring none. It remembers its thread:
     * an executor reports itself terminated while its last thread is still exiting.
     */
    private static final class OwnPool {
        final ExecutorService executor;
        private final List<Thread> threads = new ArrayList<>();

        OwnPool(String threadName) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = Thread.ofPlatform().name(threadName).unstarted(runnable);
                synchronized (threads) {
                    threads.add(thread);
                }
                return thread;
            });
        }

        /** Interrupts the offload work, waits for the pool to terminate and its thread to end. */
        void close() {
            executor.shutdownNow();
            executor.close();
            List<Thread> started;
            synchronized (threads) {
                started = List.copyOf(threads);
            }
            try {
                for (Thread thread : started) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                // our caller wants to stop waiting; the offload thread is already interrupted and ending
                Thread.currentThread().interrupt();
            }
        }
    }
}
