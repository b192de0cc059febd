package dev.concbench.bench;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.PinnedEvents;
import dev.concbench.vocab.Guard;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs raw {@link Runnable}s the way a thread model would, for benchmarks that need finer control
 * than a workload (a token hand-off, a waiting unit, a heartbeat), and proves the claim of the
 * {@code virtual} model: every task started through it counts whether it ran on a virtual thread.
 *
 * <p>Lifecycle: open on construction; {@link #close()} shuts the executor down and waits for its
 * threads. {@link #execute} may be called from any thread until then.
 */
final class ThreadTasks implements AutoCloseable {

    private final String model;
    private final ExecutorService executor;
    private final AtomicLong notVirtual = new AtomicLong();
    private final PinnedEvents pinned;

    /**
     * @param model    {@code virtual}, {@code thread-per-task} or {@code platform-pool}
     * @param poolSize the pool's size for {@code platform-pool}, ignored otherwise
     * @throws IllegalArgumentException for any other model
     */
    ThreadTasks(String model, int poolSize) {
        this.model = model;
        this.executor = switch (model) {
            case "virtual" -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("concbench-vt-", 0).factory());
            case "thread-per-task" -> Executors.newThreadPerTaskExecutor(
                    Thread.ofPlatform().name("concbench-task-", 0).factory());
            case "platform-pool" -> Executors.newFixedThreadPool(poolSize,
                    Thread.ofPlatform().name("concbench-pool-", 0).factory());
            default -> throw new IllegalArgumentException("not a thread model: '" + model
                    + "' (expected virtual, thread-per-task or platform-pool)");
        };
        this.pinned = model.equals("virtual") ? new PinnedEvents() : null;
    }

    /** Whether {@code model} is one this class runs. */
    static boolean isThreadModel(String model) {
        return model.equals("virtual") || model.equals("thread-per-task") || model.equals("platform-pool");
    }

    /** Starts {@code task}; the thread it lands on is checked against the model's claim. */
    void execute(Runnable task) {
        executor.execute(() -> {
            if (model.equals("virtual") && !Thread.currentThread().isVirtual()) {
                notVirtual.incrementAndGet();
            }
            task.run();
        });
    }

    /** Publishes (and resets) the {@code notVirtual} and {@code pinned} guard evidence for this iteration. */
    void publishGuards() {
        IterationMetrics.guard(Guard.NOT_VIRTUAL, notVirtual.getAndSet(0));
        if (pinned != null) {
            IterationMetrics.guard(Guard.PINNED, pinned.takeCount());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        executor.close();
        if (pinned != null) {
            pinned.close();
        }
    }
}
