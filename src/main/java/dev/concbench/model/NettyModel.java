package dev.concbench.model;

import static dev.concbench.vocab.ModelKind.NETTY;

import dev.concbench.loop.LoopStats;
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
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code netty}: every task is a task on one Netty 4.2 event-loop thread
 * ({@code MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory())}), written as Netty code is
 * written ({@link NettyRunner}: {@code schedule} for a wait, Netty's HTTP client with a bounded
 * {@code FixedChannelPool} for requests, the burn inline). The industrial reference for
 * {@code eventloop}: the same workloads, the same placement proof, someone else's loop.
 *
 * <p>Proof: every step must run on the Netty loop thread of this JVM. A heartbeat on the loop
 * ({@link NettyLoopWatch}) stands in for our loop's slow-callback count.
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
    /** Tasks not yet complete: failed on close, as the loop's shutdown drops their timers and connections. */
    private final Set<CompletableFuture<WorkResult>> inFlight = ConcurrentHashMap.newKeySet();

    private NettyModel(WorkTarget target) {
        super(NETTY.id(), Map.of());
        this.threadName = "concbench-netty-loop" + INSTANCES.incrementAndGet();
        this.group = new MultiThreadIoEventLoopGroup(1, (ThreadFactory) r -> new FastThreadLocalThread(r, threadName),
                NioIoHandler.newFactory());
        this.loop = (EventLoop) group.next();
        this.http = target.hasServer()
                ? new NettyConnectionPool(loop, target.server(), target.connectionLimit(), target.requestTimeout())
                : null;
        this.runner = new NettyRunner(loop, http);
        this.watch = new NettyLoopWatch(loop);
    }

    /** {@code netty}: one Netty loop thread, everything on it. */
    static NettyModel start(WorkTarget target) {
        return new NettyModel(target);
    }

    @Override
    public Optional<EventLoop> nettyLoop() {
        return Optional.of(loop);
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
        if (placement.kind() != ThreadKind.LOOP || placement.pid() != Placement.ownPid() || !placement.thread().equals(threadName)) {
            throw new ModelViolationException(name(), "every step on its Netty loop thread '" + threadName + "' in pid "
                    + Placement.ownPid(), placement);
        }
    }

    @Override
    void stop() {
        try {
            if (http != null) {
                loop.execute(http::close);
            }
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (!group.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("model 'netty': its loop thread '" + threadName + "' outlived the "
                        + GRACE.toMillis() + " ms grace period (a task is blocking it)");
            }
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
