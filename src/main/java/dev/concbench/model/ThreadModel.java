package dev.concbench.model;

import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.THREAD_PER_TASK;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.vocab.CarrierFlags;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.BlockingRunner;
import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.Workload;
import dev.concbench.workload.http.BlockingConnectionPool;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three models that run blocking code on threads: {@code platform-pool} (a fixed pool),
 * {@code thread-per-task} (a new platform thread per task) and {@code virtual} (a new virtual thread
 * per task). They differ only in where a task's thread comes from and what kind it must be; the
 * workload runs through {@link BlockingRunner} with a blocking, bounded connection pool.
 */
final class ThreadModel extends AbstractModel {

    /** How long {@link #close()} waits for interrupted tasks' threads to end. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ExecutorService executor;
    private final ThreadRegistry threads;
    private final BlockingConnectionPool http;
    private final BlockingRunner runner;
    private final ThreadKind kind;
    private final String threadPrefix;
    private final CarrierCheck carriers;

    private ThreadModel(String name, Map<String, String> params, WorkTarget target, ThreadKind kind,
            String threadPrefix, ThreadRegistry threads, ExecutorService executor, CarrierCheck carriers) {
        super(name, params);
        this.kind = kind;
        this.threadPrefix = threadPrefix;
        this.threads = threads;
        this.executor = executor;
        this.carriers = carriers;
        this.http = target.hasServer()
                ? new BlockingConnectionPool(target.server(), target.connectionLimit(), target.requestTimeout())
                : null;
        this.runner = new BlockingRunner(http, executor);
    }

    /** {@code platform-pool}: {@code poolSize} platform threads, started on demand and kept. */
    static ThreadModel platformPool(int poolSize, WorkTarget target) {
        String prefix = "concbench-pool" + INSTANCES.incrementAndGet() + "-";
        ThreadRegistry threads = new ThreadRegistry();
        ThreadFactory factory = threads.tracking(Thread.ofPlatform().name(prefix, 0).factory());
        return new ThreadModel(PLATFORM_POOL.id(), Map.of(ModelParams.POOL_SIZE, Integer.toString(poolSize)), target,
                ThreadKind.PLATFORM, prefix, threads, Executors.newFixedThreadPool(poolSize, factory), CarrierCheck.NONE);
    }

    /** {@code thread-per-task}: a new platform thread for every task (and every fan-out request). */
    static ThreadModel threadPerTask(WorkTarget target) {
        String prefix = "concbench-task" + INSTANCES.incrementAndGet() + "-";
        ThreadRegistry threads = new ThreadRegistry();
        ThreadFactory factory = threads.tracking(Thread.ofPlatform().name(prefix, 0).factory());
        return new ThreadModel(THREAD_PER_TASK.id(), Map.of(), target, ThreadKind.PLATFORM, prefix, threads,
                Executors.newThreadPerTaskExecutor(factory), CarrierCheck.NONE);
    }

    /**
     * {@code virtual}: a new virtual thread for every task.
     *
     * @param carriers the carrier parallelism the caller expects, or 0 for the JVM's default; see
     *     {@link CarrierCheck#forCarriers}
     */
    static ThreadModel virtual(int carriers, WorkTarget target) {
        CarrierCheck check = CarrierCheck.forCarriers(carriers);
        String prefix = "concbench-vt" + INSTANCES.incrementAndGet() + "-";
        ThreadRegistry threads = new ThreadRegistry();
        ThreadFactory factory = threads.tracking(Thread.ofVirtual().name(prefix, 0).factory());
        Map<String, String> params = carriers == 0 ? Map.of() : Map.of(CarrierFlags.PARAM, Integer.toString(carriers));
        return new ThreadModel(VIRTUAL.id(), params, target, ThreadKind.VIRTUAL, prefix, threads,
                Executors.newThreadPerTaskExecutor(factory), check);
    }

    @Override
    CompletableFuture<WorkResult> start(Workload workload, PlacementLog log) {
        CompletableFuture<WorkResult> result = new CompletableFuture<>();
        executor.execute(new ThreadRegistry.Abandonable() {
            @Override
            public void run() {
                try {
                    result.complete(runner.run(workload, log));
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                } catch (Exception | Error e) {
                    result.completeExceptionally(e);
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
            }

            @Override
            public void abandon() {
                result.completeExceptionally(new CancellationException("model '" + name() + "' closed before the task started"));
            }
        });
        return result;
    }

    @Override
    void startRaw(Runnable task) {
        executor.execute(task);
    }

    @Override
    boolean plainlyOwnThread() {
        Thread t = Thread.currentThread();
        return carriers == CarrierCheck.NONE && t.isVirtual() == (kind == ThreadKind.VIRTUAL)
                && t.getName().contains(threadPrefix);
    }

    @Override
    void check(Placement placement) {
        if (placement.kind() != kind || placement.pid() != Placement.ownPid()
                || !placement.thread().contains(threadPrefix)) {
            throw new ModelViolationException(name(), "every step on one of its own " + kind
                    + " threads ('" + threadPrefix + "N') in pid " + Placement.ownPid(), placement);
        }
        carriers.check(name(), placement);
    }

    @Override
    void stop() {
        if (http != null) {
            http.close();
        }
        threads.shutdownAndJoin(executor, "model '" + name() + "'", GRACE);
    }
}
