package dev.concbench.bench;

import static dev.concbench.vocab.ModelKind.PLATFORM_POOL;
import static dev.concbench.vocab.ModelKind.VIRTUAL;

import dev.concbench.metrics.IterationMetrics;
import dev.concbench.metrics.PinnedEvents;
import dev.concbench.model.ExecutionModel;
import dev.concbench.model.ModelViolationException;
import dev.concbench.model.Models;
import dev.concbench.model.TaskResult;
import dev.concbench.model.WorkTarget;
import dev.concbench.vocab.Guard;
import dev.concbench.vocab.ModelKind;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.Workload;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution model for the length of a JMH trial, with the guard evidence its tasks produce: a
 * task the model reports as run in the wrong place ({@link ModelViolationException}) counts as
 * {@code notVirtual} for {@code virtual} and {@code notProcess} for {@code process-pool}; JFR's
 * pinned-virtual-thread events count as {@code pinned}; a loop callback over the slow-callback
 * threshold (on {@code netty}, a heartbeat on its loop later than that threshold) counts as
 * {@code loopBlocked} where the scenario claims the loop stays responsive.
 * Raw tasks ({@link #execute}) run through the model too, with the same check.
 *
 * <p>Created in a trial set-up, closed in the trial tear-down, used from the benchmark thread.
 */
final class ModelSession implements AutoCloseable {

    private final ExecutionModel model;
    private final AtomicLong violations = new AtomicLong();
    private final boolean loopMustStayResponsive;
    private final StallEvidence blocked = new StallEvidence();
    private final PinnedEvents pinned;
    /** Worker replacements already published (the model counts from its start). */
    private long replacedSeen;

    /**
     * @param name   the model's name
     * @param params its model parameters (e.g. {@code poolSize})
     * @param connections the most connections to the delay server open at once; 0 when the tasks
     *                    do not talk to the server
     * @param loopMustStayResponsive whether the scenario claims the model's event loop (if it has
     *                    one) is never blocked, so a callback over the slow-callback threshold guards the rows
     * @throws IllegalStateException when the server is needed but the run gave none
     */
    ModelSession(String name, Map<String, String> params, int connections, boolean loopMustStayResponsive) {
        WorkTarget target = WorkTarget.none();
        if (connections > 0) {
            target = new WorkTarget(requireServer(), connections, WorkTarget.DEFAULT_TIMEOUT);
        }
        this.model = Models.start(name, params, target);
        this.loopMustStayResponsive = loopMustStayResponsive;
        this.pinned = name.equals(VIRTUAL.id()) ? new PinnedEvents() : null;
    }

    /** The model parameters of a benchmark with a {@code poolSize} parameter: it applies to {@code platform-pool} only. */
    static Map<String, String> poolParams(String model, int poolSize) {
        return model.equals(PLATFORM_POOL.id()) ? Map.of(ModelParams.POOL_SIZE, Integer.toString(poolSize)) : Map.of();
    }

    /** The delay server this fork was given; fails when the run gave none. */
    static InetSocketAddress requireServer() {
        return server().orElseThrow(() -> new IllegalStateException("this benchmark needs the delay server, but -D"
                + BenchmarkCatalog.SERVER_PROPERTY + "=host:port is not set (the run could not start it)"));
    }

    /** The delay server this fork was given, if any. */
    static Optional<InetSocketAddress> server() {
        String s = System.getProperty(BenchmarkCatalog.SERVER_PROPERTY);
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        int colon = s.lastIndexOf(':');
        return Optional.of(new InetSocketAddress(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1))));
    }

    /** Starts one task; a placement violation is counted (the future still fails with it). */
    CompletableFuture<TaskResult> submit(Workload workload) {
        return model.submit(workload).whenComplete((r, e) -> {
            if (e != null && isViolation(e)) {
                violations.incrementAndGet();
            }
        });
    }

    /**
     * Starts a raw task where the model runs its tasks ({@link ExecutionModel#execute}); a placement
     * violation is counted and the task still runs.
     */
    void execute(Runnable task) {
        model.execute(task, violation -> violations.incrementAndGet());
    }

    /** The model's event loop, for code that schedules on it; empty for the thread models. */
    Optional<LoopTasks> loop() {
        return model.eventLoop().map(LoopTasks::new);
    }

    /** The {@code netty} model's loop, for code written in Netty's idiom; empty for every other model. */
    Optional<NettyTasks> nettyLoop() {
        return model.nettyLoop().map(l -> new NettyTasks(this, l));
    }

    /** The model's offload thread pool ({@code eventloop+offload} with {@code offload=threads}); empty otherwise. */
    Optional<Executor> offloadExecutor() {
        return model.offloadExecutor();
    }

    private static boolean isViolation(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof ModelViolationException;
    }

    /** Publishes (and resets) this iteration's guard evidence. */
    void publishGuards() {
        if (loopMustStayResponsive) {
            model.loopStats().ifPresent(stats -> IterationMetrics.guard(Guard.LOOP_BLOCKED, blocked.endIteration(stats)));
        }
        long v = violations.getAndSet(0);
        switch (ModelKind.require(model.name())) {
            case VIRTUAL -> {
                IterationMetrics.guard(Guard.NOT_VIRTUAL, v);
                IterationMetrics.guard(Guard.PINNED, pinned.takeCount());
            }
            case PROCESS_POOL -> {
                IterationMetrics.guard(Guard.NOT_PROCESS, v);
                long replaced = model.replacedWorkers();
                IterationMetrics.guard(Guard.WORKER_REPLACED, replaced - replacedSeen);
                replacedSeen = replaced;
            }
            default -> IterationMetrics.guard(Guard.MISPLACED, v);
        }
    }

    @Override
    public void close() {
        model.close();
        if (pinned != null) {
            pinned.close();
        }
    }
}
