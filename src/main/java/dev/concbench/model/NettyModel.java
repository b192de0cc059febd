package dev.concbench.model;

import static dev.concbench.vocab.ModelKind.NETTY;

import dev.concbench.loop.LoopStats;
import dev.concbench.vocab.ModelParams;
import dev.concbench.workload.NettyRunner;
import dev.concbench.workload.Placement;
import dev.concbench.workload.PlacementLog;
import dev.concbench.workload.Step;
import dev.concbench.workload.ThreadKind;
import dev.concbench.workload.WorkResult;
import dev.concbench.workload.Workload;
import dev.concbench.workload.http.NettyConnectionPool;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code netty}: every task is a task on one Netty 4.2 event-loop thread
 * ({@code MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory())}), written as Netty code is
 * written ({@link NettyRunner}: {@code schedule} for a wait, Netty's HTTP client with a bounded
 * {@code FixedChannelPool} for requests, the burn inline). The industrial reference for
 * {@code eventloop}: the same workloads, the same placement proof, someone else's loop. With
 * {@code offload=executor} the burn goes to a Netty {@link DefaultEventExecutorGroup} of
 * {@code workers} threads instead, Netty's counterpart of {@code eventloop+offload} with threads.
 *
 * <p>Proof: every step must run on the Netty loop thread of this JVM; an offloaded burn on one of
 * the model's executor threads. A heartbeat on the loop ({@link NettyLoopWatch}) stands in for our
 * loop's slow-callback count.
 */
final class NettyModel extends AbstractModel {

    /** How long {@link #close()} waits for the loop thread to end. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String threadName;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final NettyConnectionPool http;
    private final NettyRunner runner;
    private final NettyLoopWatch watch;
    /** Null unless the burn is offloaded ({@code offload=executor}). */
    private final EventExecutorGroup offload;
    private final String offloadPrefix;
    /** Tasks not yet complete: failed on close, as the loop's shutdown drops their timers and connections. */
    private final Set<CompletableFuture<WorkResult>> inFlight = ConcurrentHashMap.newKeySet();
    /** The loop thread and the offload threads: Netty's termination future completes before they have ended. */
    private final ThreadRegistry threads = new ThreadRegistry();

    /**
     * @param continueOn where the runner continues waits and responses: null for the loop (the model's
     *                   claim); another executor only in {@link #continuingOn}
     */
    private NettyModel(Map<String, String> params, int offloadThreads, WorkTarget target, EventExecutor continueOn) {
        super(NETTY.id(), params);
        int id = INSTANCES.incrementAndGet();
        this.threadName = "concbench-netty-loop" + id;
        this.offloadPrefix = "concbench-netty-offload" + id + "-";
        this.group = new MultiThreadIoEventLoopGroup(1, threads.tracking(r -> new FastThreadLocalThread(r, threadName)),
                NioIoHandler.newFactory());
        this.loop = (EventLoop) group.next();
        this.http = target.hasServer()
                ? new NettyConnectionPool(loop, target.server(), target.connectionLimit(), target.requestTimeout())
                : null;
        if (offloadThreads > 0) {
            AtomicInteger n = new AtomicInteger();
            this.offload = new DefaultEventExecutorGroup(offloadThreads,
                    threads.tracking(r -> new FastThreadLocalThread(r, offloadPrefix + n.incrementAndGet())));
        } else {
            this.offload = null;
        }
        this.runner = new NettyRunner(loop, continueOn == null ? loop : continueOn, http,
                offload == null ? NettyRunner.inline(loop) : NettyRunner.offloaded(loop, offload));
        this.watch = new NettyLoopWatch(loop);
    }

    /** {@code netty}: one Netty loop thread, everything on it. */
    static NettyModel start(WorkTarget target) {
        return new NettyModel(Map.of(), 0, target, null);
    }

    /**
     * A {@code netty} that breaks its own claim: its runner continues every wait and response on
     * {@code elsewhere}, not on its loop. For the placement proof's test, which must see each such
     * task fail; {@link Models} never starts it. The caller owns {@code elsewhere}.
     */
    static NettyModel continuingOn(EventExecutor elsewhere, WorkTarget target) {
        return new NettyModel(Map.of(), 0, target, elsewhere);
    }

    /** {@code netty} with {@code offload=executor}: I/O on the loop, the burn on {@code workers} executor threads. */
    static NettyModel offloaded(int workers, WorkTarget target) {
        return new NettyModel(Map.of(ModelParams.OFFLOAD, ModelParams.OFFLOAD_EXECUTOR, ModelParams.WORKERS, Integer.toString(workers)), workers,
                target, null);
    }

    @Override
    public Optional<EventLoop> nettyLoop() {
        return Optional.of(loop);
    }

    /** Its Netty {@link DefaultEventExecutorGroup} with {@code offload=executor} (an {@link EventExecutorGroup}); else empty. */
    @Override
    public Optional<Executor> offloadExecutor() {
        return Optional.ofNullable(offload);
    }

    @Override
    public Optional<LoopStats> loopStats() {
        return Optional.of(watch.stats());
    }

    @Override
    CompletableFuture<WorkResult> start(Workload workload, PlacementLog log) {
        CompletableFuture<WorkResult> done = new CompletableFuture<>();
        inFlight.add(done);
        done.whenComplete((r, e) -> inFlight.remove(done));
        loop.execute(() -> {
            try {
                runner.run(workload, log).addListener((Future<WorkResult> f) -> {
                    if (f.isSuccess()) {
                        done.complete(f.getNow());
                    } else {
                        done.completeExceptionally(f.cause());
                    }
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Override
    void startRaw(Runnable task) {
        loop.execute(task);
    }

    @Override
    boolean plainlyOwnThread() {
        return loop.inEventLoop();
    }

    @Override
    Placement here(Step step) {
        return Placement.here(step, loop::inEventLoop);
    }

    @Override
    void check(Placement placement) {
        if (placement.step() == Step.CPU && offload != null) {
            if (placement.kind() != ThreadKind.PLATFORM || placement.pid() != Placement.ownPid()
                    || !placement.thread().startsWith(offloadPrefix)) {
                throw new ModelViolationException(name(), "its CPU steps run on its offload executor's threads ('"
                        + offloadPrefix + "N')", placement);
            }
            return;
        }
        if (placement.kind() != ThreadKind.LOOP || placement.pid() != Placement.ownPid() || !placement.thread().equals(threadName)) {
            throw new ModelViolationException(name(), "every step on its Netty loop thread '" + threadName + "' in pid "
                    + Placement.ownPid(), placement);
        }
    }

    /**
     * Netty tells an event-executor group that a member terminated through the member's termination
     * future, whose listeners run on Netty's JVM-wide {@link GlobalEventExecutor}: the first such
     * notice starts that executor's thread, which ends by itself once idle for a second. Waiting for
     * it keeps the promise of {@link #close()}: nothing the model set going outlives it.
     */
    private static void awaitNettysGlobalExecutor() throws InterruptedException {
        try {
            if (!GlobalEventExecutor.INSTANCE.awaitInactivity(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("model 'netty': Netty's global executor thread was still busy "
                        + GRACE.toSeconds() + " s after close() (another user of Netty in this JVM keeps it going)");
            }
        } catch (IllegalStateException neverStarted) {
            if (neverStarted.getMessage() == null || !neverStarted.getMessage().contains("not started")) {
                throw neverStarted;
            }
        }
    }

    @Override
    void stop() {
        try {
            if (http != null) {
                loop.execute(http::close);
            }
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (offload != null) {
                offload.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            }
            if (!group.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("model 'netty': its loop thread '" + threadName + "' outlived the "
                        + GRACE.toMillis() + " ms grace period (a task is blocking it)");
            }
            if (offload != null && !offload.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("model 'netty': its offload threads '" + offloadPrefix + "N' outlived the "
                        + GRACE.toMillis() + " ms grace period (a burn is still running)");
            }
            List<String> alive = threads.awaitAll(GRACE);
            if (!alive.isEmpty()) {
                throw new IllegalStateException("model 'netty' left threads running " + GRACE.toSeconds() + " s after close(): " + alive);
            }
            awaitNettysGlobalExecutor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model 'netty': interrupted while waiting for its loop thread to end", e);
        } finally {
            CancellationException closed = new CancellationException("model 'netty' closed before the task finished");
            for (CompletableFuture<WorkResult> f : Set.copyOf(inFlight)) {
                f.completeExceptionally(closed);
            }
        }
    }
}
