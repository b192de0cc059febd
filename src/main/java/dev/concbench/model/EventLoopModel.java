package dev.concbench.model;

import static dev.concbench.vocab.ModelKind.COROUTINES;
import static dev.concbench.vocab.ModelKind.EVENTLOOP;
import static dev.concbench.vocab.ModelKind.EVENTLOOP_OFFLOAD;

import dev.concbench.loop.EventLoop;
import dev.concbench.loop.LoopOptions;
import dev.concbench.loop.LoopState;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.CoroutineRunner;
import dev.concbench.workload.LoopRunner;
import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.Step;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.Workload;
import dev.concbench.workload.http.LoopConnectionPool;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code eventloop}, {@code eventloop+offload} and {@code coroutines}: every task is a task on one
 * {@link EventLoop} thread, written with non-blocking futures ({@link LoopRunner}) or, for
 * {@code coroutines}, as a coroutine that awaits the same futures straight-line
 * ({@link CoroutineRunner}); requests go through the loop's own bounded connection pool. The
 * first two differ only in the {@link CpuOffload}: the burn on the loop itself, or handed to worker
 * processes / a thread pool through {@code runInExecutor}.
 *
 * <p>Proof: waits, requests and blocking sleeps must run on the loop thread of this JVM; the burn
 * where the offload says.
 */
final class EventLoopModel extends AbstractModel {

    /**
     * With {@code -Dconcbench.loopDebug=true} (on a benchmark fork, say), the loop runs in debug mode
     * and logs each slow callback with where it was scheduled, to find what blocked a loop that a
     * guard reports.
     */
    static final String DEBUG_PROPERTY = "concbench.loopDebug";

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final EventLoop loop;
    private final CpuOffload offload;
    private final LoopConnectionPool http;
    private final LoopRunner runner;
    /** Null unless the tasks are coroutines. */
    private final CoroutineRunner coroutines;

    private EventLoopModel(String name, Map<String, String> params, WorkTarget target, CpuOffload offload, boolean asCoroutines) {
        this(name, params, target, offload, asCoroutines, null);
    }

    /**
     * @param continueOn where the runner continues waits and responses: null for the loop (the model's
     *                   claim); another loop only in {@link #continuingOn}
     */
    private EventLoopModel(String name, Map<String, String> params, WorkTarget target, CpuOffload offload,
            boolean asCoroutines, EventLoop continueOn) {
        super(name, params);
        this.offload = offload;
        this.loop = EventLoop.start(LoopOptions.defaults().withThreadName("concbench-model-loop" + INSTANCES.incrementAndGet())
                .withDebug(Boolean.getBoolean(DEBUG_PROPERTY)));
        this.http = target.hasServer()
                ? new LoopConnectionPool(loop, target.server(), target.connectionLimit(), target.requestTimeout())
                : null;
        this.runner = new LoopRunner(loop, continueOn == null ? loop : continueOn, http, offload.step(loop));
        this.coroutines = asCoroutines ? new CoroutineRunner(loop, http, offload.step(loop)) : null;
    }

    /** {@code eventloop}: everything, the burn included, on the loop thread. */
    static EventLoopModel plain(WorkTarget target) {
        return new EventLoopModel(EVENTLOOP.id(), Map.of(), target, CpuOffload.inline(), false);
    }

    /**
     * An {@code eventloop} that breaks its own claim: its runner continues every wait and response on
     * {@code elsewhere}, another loop. For the placement proof's test, which must see each such task
     * fail; {@link Models} never starts it. The caller owns {@code elsewhere}.
     */
    static EventLoopModel continuingOn(EventLoop elsewhere, WorkTarget target) {
        return new EventLoopModel(EVENTLOOP.id(), Map.of(), target, CpuOffload.inline(), false, elsewhere);
    }

    /** {@code coroutines}: as {@code eventloop}, each task a coroutine with an await at each switch point. */
    static EventLoopModel coroutines(WorkTarget target) {
        return new EventLoopModel(COROUTINES.id(), Map.of(), target, CpuOffload.inline(), true);
    }

    /**
     * {@code eventloop+offload}: I/O on the loop, the burn on {@code workers} worker processes
     * ({@code offload=process}) or platform threads ({@code offload=threads}).
     */
    static EventLoopModel offload(String kind, int workers, WorkTarget target) {
        CpuOffload offload = switch (kind) {
            case ModelParams.OFFLOAD_PROCESS -> CpuOffload.processes(ProcessPoolModel.startPool(workers));
            case ModelParams.OFFLOAD_THREADS -> CpuOffload.threads(workers);
            default -> throw new IllegalArgumentException(ModelParams.OFFLOAD + " must be one of " + ModelParams.OFFLOAD_PROCESS + ", "
                    + ModelParams.OFFLOAD_THREADS + ", was '" + kind + "'");
        };
        return new EventLoopModel(EVENTLOOP_OFFLOAD.id(), Map.of(ModelParams.OFFLOAD, kind, ModelParams.WORKERS, Integer.toString(workers)),
                target, offload, false);
    }

    @Override
    public Optional<EventLoop> eventLoop() {
        return Optional.of(loop);
    }

    @Override
    public Optional<Executor> offloadExecutor() {
        return offload.executor();
    }

    @Override
    CompletableFuture<WorkResult> start(Workload workload, PlacementLog log) {
        if (coroutines != null) {
            return loop.submit(() -> loop.spawnCoroutine("task", () -> coroutines.run(workload, log)));
        }
        return loop.submit(() -> runner.run(workload, log));
    }

    /** A raw task: a loop callback, or for {@code coroutines} a coroutine (so it may await). */
    @Override
    void startRaw(Runnable task) {
        loop.execute(coroutines == null ? task : () -> loop.spawnCoroutine("raw", task::run));
    }

    @Override
    boolean plainlyOwnThread() {
        return loop.inLoop();
    }

    @Override
    Placement here(Step step) {
        return Placement.here(step, loop::inLoop);
    }

    @Override
    void check(Placement placement) {
        if (placement.step() == Step.CPU && !offload.onLoop()) {
            offload.checkCpu(name(), placement);
            return;
        }
        String loopThread = loop.options().threadName();
        if (placement.kind() != ThreadKind.LOOP || placement.pid() != Placement.ownPid() || !placement.thread().equals(loopThread)) {
            throw new ModelViolationException(name(), (offload.onLoop() ? "every step" : "its waits and I/O")
                    + " on its loop thread '" + loopThread + "' in pid " + Placement.ownPid(), placement);
        }
    }

    @Override
    void stop() {
        try {
            if (http != null && loop.state() == LoopState.RUNNING) {
                loop.submit(() -> {
                    http.close();
                    return loop.completed(null);
                }).join();
            }
        } finally {
            loop.close();
            offload.close();
        }
    }
}
