package dev.concbench.workload;

import dev.concbench.workload.http.NettyConnectionPool;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a {@link Workload} the way a Netty user would, on one Netty {@link EventLoop}: a wait is
 * {@code schedule}, a request goes through the loop's {@link NettyConnectionPool} (Netty's HTTP
 * codec and {@code FixedChannelPool}), the CPU burn runs inline in the task or, offloaded, on a
 * Netty {@link EventExecutorGroup} (what a Netty pipeline gives a blocking handler), a fan-out is two
 * requests joined by a {@link PromiseCombiner}, and a step that follows another is a listener on the
 * first one's future. The blocking-sleep pitfall really blocks the loop thread, as on our loop.
 *
 * <p>A step records its placement where it continues, not where it starts: a wait in its timer task,
 * a request in its response handler. A timer or a response handled on some other executor (Netty's
 * {@code GlobalEventExecutor}, say) is then seen on that executor's thread, and the model's check
 * refuses it.
 *
 * <p>Loop thread only; every future it returns notifies its listeners on the loop.
 */
public final class NettyRunner {

    /** How the CPU burn runs. Called on the loop thread; the future notifies its listeners on the loop. */
    @FunctionalInterface
    public interface CpuStep {
        /** Burns {@code iterations} and records the step's placement into {@code log}. */
        Future<WorkResult> burn(long iterations, PlacementLog log);
    }

    private final EventLoop loop;
    /** Where each wait's timer and each response's handler run: {@link #loop}, but in the placement proof's own test. */
    private final EventExecutor continueOn;
    private final NettyConnectionPool http;
    private final CpuStep cpu;

    /**
     * @param http the loop's connection pool, or {@code null} without a server (then HTTP workloads fail)
     * @param cpu  where the burn runs: {@link #inline(EventLoop)} or {@link #offloaded(EventLoop, EventExecutorGroup)}
     */
    public NettyRunner(EventLoop loop, NettyConnectionPool http, CpuStep cpu) {
        this(loop, loop, http, cpu);
    }

    /**
     * A runner whose waits and responses continue on {@code continueOn}: with anything but
     * {@code loop}, a hop off the loop that the placement proof must catch (its test builds one);
     * a model always passes its loop.
     */
    public NettyRunner(EventLoop loop, EventExecutor continueOn, NettyConnectionPool http, CpuStep cpu) {
        this.loop = loop;
        this.continueOn = continueOn;
        this.http = http;
        this.cpu = cpu;
    }

    /** The burn in the calling task, on the loop thread: the seed's "CPU-bound task in a coroutine". */
    public static CpuStep inline(EventLoop loop) {
        return (iterations, log) -> {
            log.add(Placement.here(Step.CPU, loop::inEventLoop));
            return loop.newSucceededFuture(WorkResult.ofChecksum(Burn.burn(iterations)));
        };
    }

    /** The burn on one of {@code executors}' threads; the task goes on, on the loop, once it is done. */
    public static CpuStep offloaded(EventLoop loop, EventExecutorGroup executors) {
        return (iterations, log) -> {
            Promise<WorkResult> onLoop = loop.newPromise();
            relay(executors.next().submit(() -> {
                log.add(Placement.here(Step.CPU));
                return WorkResult.ofChecksum(Burn.burn(iterations));
            }), onLoop);
            return onLoop;
        };
    }

    /** Starts {@code workload}; its steps record where they ran into {@code log}. */
    public Future<WorkResult> run(Workload workload, PlacementLog log) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("NettyRunner.run called off its loop thread, from " + Thread.currentThread().getName());
        }
        return switch (workload) {
            case Workload.TimerWait w -> continueOn.schedule(() -> {
                log.add(here(Step.WAIT));   // where the wait goes on: the thread its timer fires on
                return WorkResult.EMPTY;
            }, w.millis(), TimeUnit.MILLISECONDS);
            case Workload.BlockingSleep b -> blockingSleep(b.millis(), log);
            case Workload.HttpGet g -> request(g.path(), log);
            case Workload.CpuBurn c -> cpu.burn(c.iterations(), log);
            case Workload.Mixed m -> then(request(m.path(), log), r -> then(cpu.burn(m.iterations(), log),
                    b -> loop.newSucceededFuture(r.then(b))));
            case Workload.FanOut f -> both(request(f.firstPath(), log), request(f.secondPath(), log));
        };
    }

    private Placement here(Step step) {
        return Placement.here(step, loop::inEventLoop);
    }

    private Future<WorkResult> blockingSleep(long millis, PlacementLog log) {
        log.add(here(Step.BLOCK));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return loop.newFailedFuture(e);
        }
        return loop.newSucceededFuture(WorkResult.EMPTY);
    }

    private Future<WorkResult> request(String path, PlacementLog log) {
        if (http == null) {
            return loop.newFailedFuture(new IllegalStateException("workload requests " + path
                    + " but this model was started without a delay server"));
        }
        return then(http.get(path), response -> continued(() -> {
            log.add(here(Step.IO));         // where the request goes on: the thread that handles its response
            return WorkResult.ofResponse(response);
        }));
    }

    /** {@code step} on {@link #continueOn}: inline when the caller is on it (always, in a model's runner). */
    private <T> Future<T> continued(Callable<T> step) {
        if (!continueOn.inEventLoop()) {
            return continueOn.submit(step);
        }
        try {
            return continueOn.newSucceededFuture(step.call());
        } catch (Exception e) {
            return continueOn.newFailedFuture(e);
        }
    }

    /** {@code first}, then the future {@code next} makes of its result; {@code next} runs on the loop. */
    private <A, B> Future<B> then(Future<A> first, Function<A, Future<B>> next) {
        Promise<B> out = loop.newPromise();
        first.addListener((Future<A> f) -> {
            if (f.isSuccess()) {
                relay(next.apply(f.getNow()), out);
            } else {
                out.tryFailure(f.cause());
            }
        });
        return out;
    }

    /** Completes {@code to} as {@code from} completes: Netty's way of chaining one future into another. Any thread. */
    public static <T> void relay(Future<T> from, Promise<T> to) {
        from.addListener((Future<T> f) -> {
            if (f.isSuccess()) {
                to.trySuccess(f.getNow());
            } else {
                to.tryFailure(f.cause());
            }
        });
    }

    /** Both results, the first's then the second's, once both are in; the first failure otherwise. */
    private Future<WorkResult> both(Future<WorkResult> a, Future<WorkResult> b) {
        Promise<Void> all = loop.newPromise();
        PromiseCombiner combiner = new PromiseCombiner(loop);
        combiner.add(a);
        combiner.add(b);
        combiner.finish(all);
        Promise<WorkResult> out = loop.newPromise();
        all.addListener(f -> {
            if (f.isSuccess()) {
                out.trySuccess(a.getNow().then(b.getNow()));
            } else {
                out.tryFailure(f.cause());
            }
        });
        return out;
    }
}
